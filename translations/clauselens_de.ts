<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="+33"/>
        <source>no Vulkan device</source>
        <translation>kein Vulkan-Gerät</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no Vulkan driver (%1)</source>
        <translation>kein Vulkan-Treiber (%1)</translation>
    </message>
</context>
<context>
    <name>ModelInfo</name>
    <message>
        <location filename="../app/gui/model_info.cpp" line="+102"/>
        <location line="+84"/>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The file has no general.architecture: it is not a language model.</source>
        <translation>Die Datei hat kein general.architecture: Sie ist kein Sprachmodell.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is a LoRA adapter, not a model: choose it as the adapter.</source>
        <translation>Dies ist ein LoRA-Adapter, kein Modell: Wählen Sie ihn als Adapter.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The file lacks %1block_count or %1embedding_length: it is not a complete model.</source>
        <translation>Der Datei fehlt %1block_count oder %1embedding_length: Sie ist kein vollständiges Modell.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not a LoRA adapter (general.type must be &quot;adapter&quot; and adapter.type &quot;lora&quot;).</source>
        <translation>Kein LoRA-Adapter (general.type muss &quot;adapter&quot; und adapter.type &quot;lora&quot; sein).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The adapter has no lora_a matrices.</source>
        <translation>Der Adapter hat keine lora_a-Matrizen.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/settings_dialog.cpp" line="+58"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::AboutDialog</name>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="+6"/>
        <source>About ClauseLens</source>
        <translation>Über ClauseLens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h2&gt;ClauseLens %1&lt;/h2&gt;&lt;p&gt;Finds the clauses of contracts with a language model that runs on this computer. Documents never leave it.&lt;/p&gt;&lt;p&gt;Default clause library: CUAD, © The Atticus Project, CC BY 4.0.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ClauseLens %1&lt;/h2&gt;&lt;p&gt;Findet die Klauseln von Verträgen mit einem Sprachmodell, das auf diesem Computer läuft. Dokumente verlassen ihn nie.&lt;/p&gt;&lt;p&gt;Standard-Klauselbibliothek: CUAD, © The Atticus Project, CC BY 4.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>looking for Vulkan devices…</source>
        <translation>Vulkan-Geräte werden gesucht…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ClauseLens %1
Qt %2
Poppler %3
SQLite %4
Vulkan:
%5</source>
        <translation>ClauseLens %1
Qt %2
Poppler %3
SQLite %4
Vulkan:
%5</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::BatchPanel</name>
    <message>
        <location filename="../app/gui/batch_panel.cpp" line="+63"/>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch progress</source>
        <translation>Stapelfortschritt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No batch running</source>
        <translation>Kein Stapel in Bearbeitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+163"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+162"/>
        <source>Pause the batch</source>
        <translation>Stapel anhalten</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Stop after the current file or group of segments; clicks on a page are still answered</source>
        <translation>Nach der aktuellen Datei oder Abschnittsgruppe anhalten; Klicks auf eine Seite werden weiterhin beantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ncel Batch</source>
        <translation>Stapel a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the batch</source>
        <translation>Stapel abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the batch; everything done so far is kept, and extracting again continues where it stopped</source>
        <translation>Stapel beenden; alles bisher Erledigte bleibt erhalten, und eine erneute Extraktion setzt dort fort, wo sie angehalten wurde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch status</source>
        <translation>Stapelstatus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files of the batch</source>
        <translation>Dateien des Stapels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 of %2 document</source>
        <translation>%1 von %2 Dokument</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 documents</source>
        <translation>%1 von %2 Dokumenten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 tokens/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Document %1</source>
        <translation>Dokument %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Paused at %1</source>
        <translation>Angehalten bei %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume the batch</source>
        <translation>Stapel fortsetzen</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::BatchQueue</name>
    <message>
        <location filename="../app/gui/batch_queue.cpp" line="+105"/>
        <source>No text layer (a scanned document?): it needs OCR before ClauseLens can read it.</source>
        <translation>Keine Textebene (ein gescanntes Dokument?): Es benötigt OCR, bevor ClauseLens es lesen kann.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The file is encrypted: it needs its password.</source>
        <translation>Die Datei ist verschlüsselt: Ihr Passwort wird benötigt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+187"/>
        <source>Not read: the batch was cancelled.</source>
        <translation>Nicht gelesen: Der Stapel wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Stopped: extracting again continues where it stopped.</source>
        <translation>Angehalten: Eine erneute Extraktion setzt dort fort, wo sie angehalten wurde.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>ClauseLens is closing.</source>
        <translation>ClauseLens wird beendet.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingesting</source>
        <translation>wird eingelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingested</source>
        <translation>eingelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already stored</source>
        <translation>bereits gespeichert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>extracting %1%</source>
        <translation>Extraktion %1%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs OCR</source>
        <translation>OCR erforderlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>password needed</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="+170"/>
        <source>%n extracted</source>
        <translation>
            <numerusform>%n extrahiert</numerusform>
            <numerusform>%n extrahiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n ingested</source>
        <translation>
            <numerusform>%n eingelesen</numerusform>
            <numerusform>%n eingelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n already stored</source>
        <translation>
            <numerusform>%n bereits gespeichert</numerusform>
            <numerusform>%n bereits gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n with problems</source>
        <translation>
            <numerusform>%n mit Problemen</numerusform>
            <numerusform>%n mit Problemen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 document: </source>
        <translation>1 Dokument: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 documents: </source>
        <translation>%1 Dokumente: </translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ClassificationPopup</name>
    <message>
        <location filename="../app/gui/classification_popup.cpp" line="+17"/>
        <source>Classification of the selected passage</source>
        <translation>Klassifizierung der ausgewählten Passage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Categories and scores</source>
        <translation>Kategorien und Bewertungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+29"/>
        <location line="+46"/>
        <source>&amp;Accept as result</source>
        <translation>Als Ergebnis &amp;annehmen</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Accept the selected category as a result</source>
        <translation>Die ausgewählte Kategorie als Ergebnis annehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Classifying the selected passage…</source>
        <translation>Die ausgewählte Passage wird klassifiziert…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No clause category applies to this passage (%1 s).</source>
        <translation>Keine Klauselkategorie trifft auf diese Passage zu (%1 s).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The model found %n category(ies) in %1 s:</source>
        <translation>
            <numerusform>Das Modell hat %n Kategorie in %1 s gefunden:</numerusform>
            <numerusform>Das Modell hat %n Kategorien in %1 s gefunden:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — %2%</source>
        <translation>%1 — %2%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — %2% (not chosen)</source>
        <translation>%1 — %2% (nicht gewählt)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fields: %1</source>
        <translation>Felder: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passage: “%1”</source>
        <translation>Passage: „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer was cut at the answer length limit (Settings → Performance).</source>
        <translation>Die Antwort wurde an der maximalen Antwortlänge abgeschnitten (Einstellungen → Leistung).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The passage lies outside the document&apos;s stored segments.</source>
        <translation>Die Passage liegt außerhalb der gespeicherten Abschnitte des Dokuments.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::DocumentListModel</name>
    <message>
        <location filename="../app/gui/document_list_model.cpp" line="+132"/>
        <location line="+6"/>
        <source>ingested</source>
        <translation>eingelesen</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>needs OCR</source>
        <translation>OCR erforderlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This PDF has no text layer (a scan). Run it through OCR and add it again.</source>
        <translation>Diese PDF-Datei hat keine Textebene (ein Scan). Verarbeiten Sie sie mit OCR und fügen Sie sie erneut hinzu.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clauses</source>
        <translation>Klauseln</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::EngineWorker</name>
    <message>
        <location filename="../app/gui/engine_worker.cpp" line="+182"/>
        <source>No model: documents are ingested and searchable, but clauses are not extracted. Choose a GGUF model in Settings (Edit → Settings → Model).</source>
        <translation>Kein Modell: Dokumente werden eingelesen und sind durchsuchbar, aber Klauseln werden nicht extrahiert. Wählen Sie ein GGUF-Modell in den Einstellungen (Bearbeiten → Einstellungen → Modell).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no such model file. Choose a GGUF model in Settings.</source>
        <translation>%1: Modelldatei nicht vorhanden. Wählen Sie ein GGUF-Modell in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+62"/>
        <location line="+1"/>
        <location line="+144"/>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>No model is loaded, so clauses cannot be extracted. Choose a GGUF model in Settings (Edit → Settings → Model).</source>
        <translation>Kein Modell geladen, daher können keine Klauseln extrahiert werden. Wählen Sie ein GGUF-Modell in den Einstellungen (Bearbeiten → Einstellungen → Modell).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No documents with text to extract from.</source>
        <translation>Keine Dokumente mit Text für die Extraktion.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Stopped after %1 of %2 documents; what was done is kept, and extracting again continues where it stopped.</source>
        <translation>Nach %1 von %2 Dokumenten angehalten; das Erledigte bleibt erhalten, und eine erneute Extraktion setzt dort fort, wo sie angehalten wurde.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extraction: %1 of %2 documents, %3 segments, %4 clauses found in %5 (%6 tokens/s).</source>
        <translation>Extraktion: %1 von %2 Dokumenten, %3 Abschnitte, %4 Klauseln gefunden in %5 (%6 Token/s).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No model is loaded. Choose a GGUF model in Settings (Edit → Settings → Model) to classify passages.</source>
        <translation>Kein Modell geladen. Wählen Sie ein GGUF-Modell in den Einstellungen (Bearbeiten → Einstellungen → Modell), um Passagen zu klassifizieren.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The result cannot be stored: no model or no database is loaded.</source>
        <translation>Das Ergebnis kann nicht gespeichert werden: Kein Modell oder keine Datenbank geladen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected words lie in no stored segment of the document, so the result has no place to be stored.</source>
        <translation>Die ausgewählten Wörter liegen in keinem gespeicherten Abschnitt des Dokuments, daher kann das Ergebnis nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ExportDialog</name>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="+35"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heading path</source>
        <translation>Überschriftenpfad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clause text</source>
        <translation>Klauseltext</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review status</source>
        <translation>Prüfstatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model and run</source>
        <translation>Modell und Lauf</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>category %1</source>
        <translation>Kategorie %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>document %1</source>
        <translation>Dokument %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>document #%1</source>
        <translation>Dokument Nr. %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted only</source>
        <translation>nur angenommene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no filter: all results</source>
        <translation>kein Filter: alle Ergebnisse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CSV (spreadsheets)</source>
        <translation>&amp;CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV format</source>
        <translation>CSV-Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON format</source>
        <translation>JSON-Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xcel-friendly (UTF-8 BOM)</source>
        <translation>E&amp;xcel-kompatibel (UTF-8 BOM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel-friendly CSV with a UTF-8 byte order mark</source>
        <translation>Excel-kompatible CSV-Datei mit UTF-8-Bytereihenfolge-Markierung (BOM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts the file with a byte order mark, without which Excel misreads accented letters.</source>
        <translation>Beginnt die Datei mit einer Bytereihenfolge-Markierung, ohne die Excel Buchstaben mit Akzenten falsch liest.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All results</source>
        <translation>&amp;Alle Ergebnisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export all results</source>
        <translation>Alle Ergebnisse exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acce&amp;pted only</source>
        <translation>Nur a&amp;ngenommene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export accepted and edited results only</source>
        <translation>Nur angenommene und bearbeitete Ergebnisse exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results a reviewer accepted, with or without edits.</source>
        <translation>Ergebnisse, die ein Prüfer angenommen hat, mit oder ohne Änderungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;urrent filter (%1)</source>
        <translation>A&amp;ktueller Filter (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the results the current filter shows</source>
        <translation>Die vom aktuellen Filter angezeigten Ergebnisse exportieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Col&amp;umns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns to export</source>
        <translation>Zu exportierende Spalten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File to write</source>
        <translation>Zu schreibende Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>Durc&amp;hsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the file to write</source>
        <translation>Zu schreibende Datei wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export in progress</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Export results to</source>
        <translation>Ergebnisse exportieren nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose at least one column to export.</source>
        <translation>Wählen Sie mindestens eine Spalte für den Export.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the file to write.</source>
        <translation>Wählen Sie die zu schreibende Datei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 ist ein Ordner; wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not create %1: %2</source>
        <translation>%1 konnte nicht erstellt werden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not finish writing %1: %2 (is the disk full?)</source>
        <translation>%1 konnte nicht vollständig geschrieben werden: %2 (ist der Datenträger voll?)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Exported %n result(s) to %1.</source>
        <translation>
            <numerusform>%n Ergebnis nach %1 exportiert.</numerusform>
            <numerusform>%n Ergebnisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::HelpDialog</name>
    <message>
        <location filename="../app/gui/help_dialog.cpp" line="+10"/>
        <source>&lt;h2&gt;Working with ClauseLens&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Add contracts.&lt;/b&gt; Drop PDF files or whole folders on the window, or use File → Open PDF Files (Ctrl+O) / Open Folder (Ctrl+Shift+O). Each file is read once: adding it again does not duplicate it. Encrypted files ask for their password; scanned files without a text layer are marked &lt;i&gt;needs OCR&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Choose a model&lt;/b&gt; once in Edit → Settings → Model: an instruction-tuned GGUF model such as Qwen2.5-3B-Instruct, Llama-3.2-3B-Instruct or Phi-3.5-mini-instruct at Q4_K_M, and optionally a fine-tuned LoRA adapter. Everything runs on this computer; no document leaves it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Extract.&lt;/b&gt; With a model set, dropped contracts are extracted after they are read. The Batch panel shows each file&apos;s progress, the ETA and any errors; Pause and Cancel keep everything finished so far.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Check one passage.&lt;/b&gt; Drag a rectangle over a passage on the page and press Extract (or right-click → Classify clause): the categories and scores appear at once, and Accept stores the clause as a result.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review.&lt;/b&gt; Click a result to see its clause highlighted on the page. Press A to accept, R to reject, F2 to edit its fields; Ctrl+Z undoes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt; with File → Export Results (Ctrl+E): CSV for Excel or JSON, all results, accepted ones, or what the table shows.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O / Ctrl+Shift+O&lt;/td&gt;&lt;td&gt;add PDF files / a folder&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;export results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;search the results&apos; clause text&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Shift+E / Ctrl+R&lt;/td&gt;&lt;td&gt;extract all documents / this document&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+.&lt;/td&gt;&lt;td&gt;cancel the batch&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;A / R / F2&lt;/td&gt;&lt;td&gt;accept / reject / edit the selected results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Enter&lt;/td&gt;&lt;td&gt;show the selected result on its page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/td&gt;&lt;td&gt;undo / redo a review&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Page Up / Page Down&lt;/td&gt;&lt;td&gt;previous / next page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl++ / Ctrl+- / Ctrl+wheel&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+2 / Ctrl+0&lt;/td&gt;&lt;td&gt;fit width / fit page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Esc&lt;/td&gt;&lt;td&gt;clear the selection on the page&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;Arbeiten mit ClauseLens&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Verträge hinzufügen.&lt;/b&gt; Ziehen Sie PDF-Dateien oder ganze Ordner auf das Fenster, oder verwenden Sie Datei → PDF-Dateien öffnen (Strg+O) / Ordner öffnen (Strg+Umschalt+O). Jede Datei wird einmal gelesen: Erneutes Hinzufügen erzeugt kein Duplikat. Bei verschlüsselten Dateien wird das Passwort abgefragt; gescannte Dateien ohne Textebene werden als &lt;i&gt;OCR erforderlich&lt;/i&gt; markiert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Modell wählen&lt;/b&gt; – einmalig unter Bearbeiten → Einstellungen → Modell: ein instruktionsoptimiertes GGUF-Modell wie Qwen2.5-3B-Instruct, Llama-3.2-3B-Instruct oder Phi-3.5-mini-instruct in Q4_K_M, optional mit einem feinabgestimmten LoRA-Adapter. Alles läuft auf diesem Computer; kein Dokument verlässt ihn.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Extrahieren.&lt;/b&gt; Ist ein Modell eingestellt, werden abgelegte Verträge nach dem Einlesen extrahiert. Der Bereich „Stapel“ zeigt den Fortschritt jeder Datei, die Restzeit und etwaige Fehler; Pause und Abbrechen behalten alles bisher Fertiggestellte.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Einzelne Passage prüfen.&lt;/b&gt; Ziehen Sie ein Rechteck über eine Passage auf der Seite und klicken Sie auf Extrahieren (oder Rechtsklick → Klausel klassifizieren): Die Kategorien und Bewertungen erscheinen sofort, und Annehmen speichert die Klausel als Ergebnis.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Prüfung.&lt;/b&gt; Klicken Sie auf ein Ergebnis, um seine Klausel auf der Seite hervorgehoben zu sehen. Drücken Sie A zum Annehmen, R zum Ablehnen, F2 zum Bearbeiten der Felder; Strg+Z macht rückgängig.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exportieren&lt;/b&gt; mit Datei → Ergebnisse exportieren (Strg+E): CSV für Excel oder JSON, alle Ergebnisse, die angenommenen oder die in der Tabelle angezeigten.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Tastenkombinationen&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Strg+O / Strg+Umschalt+O&lt;/td&gt;&lt;td&gt;PDF-Dateien / einen Ordner hinzufügen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Strg+E&lt;/td&gt;&lt;td&gt;Ergebnisse exportieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Strg+F&lt;/td&gt;&lt;td&gt;Klauseltext der Ergebnisse durchsuchen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Strg+Umschalt+E / Strg+R&lt;/td&gt;&lt;td&gt;alle Dokumente / dieses Dokument extrahieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Strg+.&lt;/td&gt;&lt;td&gt;Stapel abbrechen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;A / R / F2&lt;/td&gt;&lt;td&gt;ausgewählte Ergebnisse annehmen / ablehnen / bearbeiten&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Eingabe&lt;/td&gt;&lt;td&gt;ausgewähltes Ergebnis auf seiner Seite anzeigen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Strg+Z / Strg+Umschalt+Z&lt;/td&gt;&lt;td&gt;Prüfung rückgängig machen / wiederholen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Bild auf / Bild ab&lt;/td&gt;&lt;td&gt;vorherige / nächste Seite&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Strg++ / Strg+- / Strg+Mausrad&lt;/td&gt;&lt;td&gt;Zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Strg+2 / Strg+0&lt;/td&gt;&lt;td&gt;an Breite anpassen / an Seite anpassen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Esc&lt;/td&gt;&lt;td&gt;Auswahl auf der Seite aufheben&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>ClauseLens Help</source>
        <translation>ClauseLens-Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help text</source>
        <translation>Hilfetext</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::LibraryEditor</name>
    <message>
        <location filename="../app/gui/library_editor.cpp" line="+168"/>
        <source>Clause categories</source>
        <translation>Klauselkategorien</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a clause library</source>
        <translation>Eine Klauselbibliothek importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the clause library</source>
        <translation>Die Klauselbibliothek exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a category</source>
        <translation>Eine Kategorie hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected categories</source>
        <translation>Die ausgewählten Kategorien entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to &amp;CUAD</source>
        <translation>Auf &amp;CUAD zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to the CUAD default library</source>
        <translation>Auf die CUAD-Standardbibliothek zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the library with CUAD&apos;s 41 categories</source>
        <translation>Die Bibliothek durch die 41 Kategorien von CUAD ersetzen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Imported %n categories.</source>
        <translation>
            <numerusform>%n Kategorie importiert.</numerusform>
            <numerusform>%n Kategorien importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not import the library: %1</source>
        <translation>Die Bibliothek konnte nicht importiert werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The library is not valid: %1</source>
        <translation>Die Bibliothek ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n categories to %1.</source>
        <translation>
            <numerusform>%n Kategorie nach %1 exportiert.</numerusform>
            <numerusform>%n Kategorien nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import clause library</source>
        <translation>Klauselbibliothek importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Clause libraries (*.json)</source>
        <translation>Klauselbibliotheken (*.json)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Export clause library</source>
        <translation>Klauselbibliothek exportieren</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A library needs at least one category.</source>
        <translation>Eine Bibliothek benötigt mindestens eine Kategorie.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Removed %n categories.</source>
        <translation>
            <numerusform>%n Kategorie entfernt.</numerusform>
            <numerusform>%n Kategorien entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The library is CUAD&apos;s default again.</source>
        <translation>Die Bibliothek ist wieder die CUAD-Standardbibliothek.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 — %n categories, %2 fields</source>
        <translation>
            <numerusform>%1 — %n Kategorie, %2 Felder</numerusform>
            <numerusform>%1 — %n Kategorien, %2 Felder</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unnamed library</source>
        <translation>Unbenannte Bibliothek</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::LibraryTableModel</name>
    <message>
        <location line="-307"/>
        <source>New category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New category %1</source>
        <translation>Neue Kategorie %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Describe the clause so that the model can recognise it.</source>
        <translation>Beschreiben Sie die Klausel so, dass das Modell sie erkennen kann.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="+100"/>
        <source>Choose a model…</source>
        <translation>Modell wählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the model settings</source>
        <translation>Die Modelleinstellungen öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the running batch&apos;s current step…</source>
        <translation>Warten auf den aktuellen Schritt des laufenden Stapels…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Extraction is running. Stop it and quit?

Everything finished so far is kept, and the batch continues where it stopped when you add the files again.</source>
        <translation>Die Extraktion läuft. Anhalten und beenden?

Alles bisher Fertiggestellte bleibt erhalten, und der Stapel setzt dort fort, wo er angehalten wurde, wenn Sie die Dateien erneut hinzufügen.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent &amp;Files</source>
        <translation>&amp;Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent &amp;Databases</source>
        <translation>Zuletzt geöffnete Datenban&amp;ken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>E&amp;xtraction</source>
        <translation>E&amp;xtraktion</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ClauseLens</source>
        <translation>ClauseLens</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open PDF Files…</source>
        <translation>PDF-Dateien ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Database…</source>
        <translation>&amp;Datenbank öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Results…</source>
        <translation>Ergebnisse &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in Results</source>
        <translation>In Ergebnissen &amp;suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract &amp;All Documents</source>
        <translation>&amp;Alle Dokumente extrahieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract This &amp;Document</source>
        <translation>&amp;Dieses Dokument extrahieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+71"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+71"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>&amp;Cancel Batch</source>
        <translation>Stapel a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Verkl&amp;einern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Width</source>
        <translation>An &amp;Breite anpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Page</source>
        <translation>An &amp;Seite anpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;vious Page</source>
        <translation>Vor&amp;herige Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClauseLens &amp;Help</source>
        <translation>ClauseLens-&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ClauseLens</source>
        <translation>&amp;Über ClauseLens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No model is set.&lt;/b&gt; Documents are still read, segmented and searchable. To extract clauses, choose a GGUF model (for example Qwen2.5-3B-Instruct at Q4_K_M) in Edit → Settings → Model.</source>
        <translation>&lt;b&gt;Kein Modell eingestellt.&lt;/b&gt; Dokumente werden weiterhin gelesen, in Abschnitte unterteilt und sind durchsuchbar. Um Klauseln zu extrahieren, wählen Sie ein GGUF-Modell (zum Beispiel Qwen2.5-3B-Instruct in Q4_K_M) unter Bearbeiten → Einstellungen → Modell.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1% · ETA %2 · %3 tokens/s · %4</source>
        <translation>%1% · Restzeit %2 · %3 Token/s · %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1% · %2</source>
        <translation>%1% · %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1
The model is loaded onto the device and the clause library&apos;s prompt is evaluated once.</source>
        <translation>%1
Das Modell wird auf das Gerät geladen und der Prompt der Klauselbibliothek einmal ausgewertet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The clause is stored as an accepted result.</source>
        <translation>Die Klausel ist als angenommenes Ergebnis gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Storing the result</source>
        <translation>Ergebnis wird gespeichert</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Opening the database</source>
        <translation>Datenbank wird geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClauseLens cannot open %1:
%2</source>
        <translation>ClauseLens kann %1 nicht öffnen:
%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ClauseLens — %1</source>
        <translation>ClauseLens — %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Reading the database failed: %1</source>
        <translation>Das Lesen der Datenbank ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No model — choose one in Settings</source>
        <translation>Kein Modell – wählen Sie eines in den Einstellungen</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Add PDF Contracts</source>
        <translation>PDF-Verträge hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>PDF-Dokumente (*.pdf *.PDF)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a Folder of Contracts</source>
        <translation>Einen Ordner mit Verträgen hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>ClauseLens databases (*.db *.sqlite);;All files (*)</source>
        <translation>ClauseLens-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+13"/>
        <source>Wait for the running batch to finish or cancel it first.</source>
        <translation>Warten Sie, bis der laufende Stapel fertig ist, oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+7"/>
        <source>New Database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>ClauseLens databases (*.db)</source>
        <translation>ClauseLens-Datenbanken (*.db)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Quit ClauseLens</source>
        <translation>ClauseLens beenden</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageHighlight</name>
    <message>
        <location filename="../app/gui/page_highlight.cpp" line="+43"/>
        <source>not reviewed</source>
        <translation>ungeprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Score: %2 %&lt;br&gt;Status: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Bewertung: %2 %&lt;br&gt;Status: %3</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageRenderWorker</name>
    <message>
        <location filename="../app/gui/page_render_worker.cpp" line="+43"/>
        <source>“%1” cannot be shown: the file is missing, damaged or not a PDF.</source>
        <translation>„%1“ kann nicht angezeigt werden: Die Datei fehlt, ist beschädigt oder keine PDF-Datei.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is encrypted: its password is needed to show it.</source>
        <translation>„%1“ ist verschlüsselt: Zum Anzeigen wird das Passwort benötigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password does not open “%1”.</source>
        <translation>Das Passwort öffnet „%1“ nicht.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The document has no page %1.</source>
        <translation>Das Dokument hat keine Seite %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page %1 could not be rendered.</source>
        <translation>Seite %1 konnte nicht dargestellt werden.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageView</name>
    <message>
        <location filename="../app/gui/page_view.cpp" line="+62"/>
        <source>Page view</source>
        <translation>Seitenansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtract</source>
        <translation>E&amp;xtrahieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the selected passage with the model (%1)</source>
        <translation>Die ausgewählte Passage mit dem Modell klassifizieren (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the passage selected on the page</source>
        <translation>Die auf der Seite ausgewählte Passage klassifizieren</translation>
    </message>
    <message>
        <location line="+452"/>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page %1 of %2, zoom %3 %</source>
        <translation>Seite %1 von %2, Zoom %3 %</translation>
    </message>
    <message>
        <location filename="../app/gui/page_view_input.cpp" line="+167"/>
        <source>&amp;Classify clause</source>
        <translation>&amp;Klausel klassifizieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Verkl&amp;einern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Width</source>
        <translation>An &amp;Breite anpassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit &amp;Page</source>
        <translation>An &amp;Seite anpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/page_view_paint.cpp" line="+103"/>
        <source>Drop PDF contracts here or use File → Open</source>
        <translation>PDF-Verträge hier ablegen oder Datei → Öffnen verwenden</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PasswordDialog</name>
    <message>
        <location filename="../app/gui/password_dialog.cpp" line="+14"/>
        <source>Password Required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is encrypted. Enter its password to add it to the database.</source>
        <translation>„%1“ ist verschlüsselt. Geben Sie das Passwort ein, um die Datei zur Datenbank hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password of %1</source>
        <translation>Das Passwort von %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open with this password</source>
        <translation>Mit diesem Passwort öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip this file</source>
        <translation>Diese Datei überspringen</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsDetail</name>
    <message>
        <location filename="../app/gui/results_detail.cpp" line="+44"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This category has no fields.</source>
        <translation>Diese Kategorie hat keine Felder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save fields</source>
        <translation>Felder &amp;speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to &amp;model&apos;s answer</source>
        <translation>Zurück zur &amp;Modellantwort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clause text</source>
        <translation>Klauseltext</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept result</source>
        <translation>Ergebnis annehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result is right (A in the table)</source>
        <translation>Das Ergebnis ist richtig (A in der Tabelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject result</source>
        <translation>Ergebnis ablehnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result is wrong (R in the table)</source>
        <translation>Das Ergebnis ist falsch (R in der Tabelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset to the model&apos;s answer</source>
        <translation>Auf die Modellantwort zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the review of this result and restore the model&apos;s fields</source>
        <translation>Die Prüfung dieses Ergebnisses rückgängig machen und die Felder des Modells wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save fields</source>
        <translation>Felder speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the corrected fields; the model&apos;s answer is kept</source>
        <translation>Die korrigierten Felder speichern; die Antwort des Modells bleibt erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert fields</source>
        <translation>Felder verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the changes in the form</source>
        <translation>Die Änderungen im Formular verwerfen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No result selected</source>
        <translation>Kein Ergebnis ausgewählt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, page %2</source>
        <translation>%1, Seite %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, page %2, %3</source>
        <translation>%1, Seite %2, %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Score: %1%</source>
        <translation>Bewertung: %1%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Names separated by ;</source>
        <translation>Namen durch ; getrennt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsFilterBar</name>
    <message>
        <location filename="../app/gui/results_filter_bar.cpp" line="+45"/>
        <source>Search clause text (Ctrl+F)</source>
        <translation>Klauseltext durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search results</source>
        <translation>Ergebnisse durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-text search: words, &quot;exact phrases&quot;, AND, OR, NOT, prefix*</source>
        <translation>Volltextsuche: Wörter, &quot;exakte Phrasen&quot;, AND, OR, NOT, Präfix*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extraction run</source>
        <translation>Extraktionslauf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category filter</source>
        <translation>Kategoriefilter</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+99"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Document filter</source>
        <translation>Dokumentfilter</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+105"/>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum score</source>
        <translation>Mindestbewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide results the model is less confident about</source>
        <translation>Ergebnisse ausblenden, bei denen das Modell weniger sicher ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. &amp;score:</source>
        <translation>Min. &amp;Bewertung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results shown</source>
        <translation>Angezeigte Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search note</source>
        <translation>Suchhinweis</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>All runs</source>
        <translation>Alle Läufe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1: %2 (%3)</source>
        <translation>Lauf %1: %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n result(s)</source>
        <translation>
            <numerusform>%1 von %n Ergebnis</numerusform>
            <numerusform>%1 von %n Ergebnissen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Status: all</source>
        <translation>Status: alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searched for the exact phrase (the text is not a search expression).</source>
        <translation>Nach der exakten Phrase gesucht (der Text ist kein Suchausdruck).</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsModel</name>
    <message>
        <location filename="../app/gui/results_model.cpp" line="+168"/>
        <source>Model confidence %1</source>
        <translation>Modellkonfidenz %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields edited by a reviewer; the model&apos;s answer is kept</source>
        <translation>Felder von einem Prüfer bearbeitet; die Antwort des Modells bleibt erhalten</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause</source>
        <translation>Klausel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsPanel</name>
    <message>
        <location filename="../app/gui/results_panel.cpp" line="+25"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Results table</source>
        <translation>Ergebnistabelle</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The results could not be read: %1</source>
        <translation>Die Ergebnisse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit fields</source>
        <translation>Felder b&amp;earbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the &amp;model&apos;s answer</source>
        <translation>Zurück zur &amp;Modellantwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show on page</source>
        <translation>Auf der &amp;Seite zeigen</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ReviewController</name>
    <message>
        <location filename="../app/gui/review_controller.cpp" line="+78"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The fields must be a JSON object such as {&quot;governing_law&quot;: &quot;Delaware&quot;}.</source>
        <translation>Die Felder müssen ein JSON-Objekt sein, etwa {&quot;governing_law&quot;: &quot;Delaware&quot;}.</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Accept %n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis annehmen</numerusform>
            <numerusform>%n Ergebnisse annehmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reject %n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis ablehnen</numerusform>
            <numerusform>%n Ergebnisse ablehnen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit fields</source>
        <translation>Felder bearbeiten</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reset %n result(s) to the model&apos;s answer</source>
        <translation>
            <numerusform>%n Ergebnis auf die Modellantwort zurücksetzen</numerusform>
            <numerusform>%n Ergebnisse auf die Modellantwort zurücksetzen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The review decision could not be saved: %1</source>
        <translation>Die Prüfentscheidung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::SettingsDialog</name>
    <message>
        <location filename="../app/gui/settings_dialog.cpp" line="+15"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause &amp;library</source>
        <translation>Klausel&amp;bibliothek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Performance</source>
        <translation>&amp;Leistung</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A GGUF model file, e.g. Qwen2.5-3B-Instruct-Q4_K_M.gguf</source>
        <translation>Eine GGUF-Modelldatei, z. B. Qwen2.5-3B-Instruct-Q4_K_M.gguf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the model file</source>
        <translation>Modelldatei wählen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantization:</source>
        <translation>Quantisierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context length:</source>
        <translation>Kontextlänge:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LoRA adapter file</source>
        <translation>LoRA-Adapterdatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a LoRA adapter GGUF fine-tuned for this model</source>
        <translation>Optional: ein für dieses Modell feinabgestimmter LoRA-Adapter im GGUF-Format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the LoRA adapter file</source>
        <translation>LoRA-Adapterdatei wählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adapter scale</source>
        <translation>Adapterskalierung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How strongly the adapter changes the model: 0 is the base model, 1 as trained.</source>
        <translation>Wie stark der Adapter das Modell verändert: 0 ist das Basismodell, 1 wie trainiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LoRA adapter</source>
        <translation>LoRA-Adapter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ile:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Scale:</source>
        <translation>&amp;Skalierung:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vulkan device</source>
        <translation>Vulkan-Gerät</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Context size in tokens</source>
        <translation>Kontextgröße in Token</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions each segment&apos;s sequence may use: the clause library prompt, the segment and the answer.</source>
        <translation>Positionen, die die Sequenz jedes Abschnitts nutzen darf: der Prompt der Klauselbibliothek, der Abschnitt und die Antwort.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch size in segments</source>
        <translation>Stapelgröße in Abschnitten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> segments</source>
        <translation> Abschnitte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segments decoded together. Larger batches are faster on a GPU and need more device memory.</source>
        <translation>Gemeinsam dekodierte Abschnitte. Größere Stapel sind auf einer GPU schneller und benötigen mehr Gerätespeicher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each segment of a contract is decoded with the clause library&apos;s prompt in front of it; its cache holds at most the context size in positions, and no more than the prompt, the segment and the answer need. The batch size is how many segments decode together: each one needs its own cache, so device memory grows with it.</source>
        <translation>Jeder Abschnitt eines Vertrags wird mit dem vorangestellten Prompt der Klauselbibliothek dekodiert; sein Cache umfasst höchstens die Kontextgröße in Positionen und nicht mehr, als Prompt, Abschnitt und Antwort benötigen. Die Stapelgröße gibt an, wie viele Abschnitte gemeinsam dekodiert werden: Jeder benötigt einen eigenen Cache, daher wächst der Gerätespeicherbedarf mit ihr.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Context size:</source>
        <translation>&amp;Kontextgröße:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Batch size:</source>
        <translation>S&amp;tapelgröße:</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+151"/>
        <source>Automatic (the best device)</source>
        <translation>Automatisch (das beste Gerät)</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>The clause library in the settings could not be read, so the CUAD default is shown: %1</source>
        <translation>Die Klauselbibliothek in den Einstellungen konnte nicht gelesen werden, daher wird der CUAD-Standard angezeigt: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+37"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>No model chosen: extraction needs a GGUF model file.</source>
        <translation>Kein Modell gewählt: Die Extraktion benötigt eine GGUF-Modelldatei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%L1 tokens</source>
        <translation>%L1 Token</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>This file cannot be used: %1</source>
        <translation>Diese Datei kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No adapter: the base model runs as it is.</source>
        <translation>Kein Adapter: Das Basismodell läuft unverändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: LoRA rank %2 on %3 matrices, alpha %4, for %5 models (%6).</source>
        <translation>%1: LoRA-Rang %2 auf %3 Matrizen, Alpha %4, für %5-Modelle (%6).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It was made for %1 models, but the model is %2.</source>
        <translation>Er wurde für %1-Modelle erstellt, das Modell ist aber %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Looking for Vulkan devices…</source>
        <translation>Vulkan-Geräte werden gesucht…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not usable: %1)</source>
        <translation>(nicht verwendbar: %1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Vulkan driver could be loaded: %1</source>
        <translation>Es konnte kein Vulkan-Treiber geladen werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Vulkan device found. Install the Vulkan driver of your GPU, or Mesa&apos;s lavapipe (mesa-vulkan-drivers) to run on the CPU.</source>
        <translation>Kein Vulkan-Gerät gefunden. Installieren Sie den Vulkan-Treiber Ihrer GPU oder Mesas lavapipe (mesa-vulkan-drivers), um auf der CPU zu rechnen.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n Vulkan device(s) found.</source>
        <translation>
            <numerusform>%n Vulkan-Gerät gefunden.</numerusform>
            <numerusform>%n Vulkan-Geräte gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a model to see how much device memory it needs.</source>
        <translation>Wählen Sie ein Modell, um zu sehen, wie viel Gerätespeicher es benötigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With up to %L1 positions per segment and a batch of %2 segments the model needs about %3 of device memory%4.</source>
        <translation>Mit bis zu %L1 Positionen pro Abschnitt und einem Stapel von %2 Abschnitten benötigt das Modell etwa %3 Gerätespeicher%4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; %1 has %2</source>
        <translation>; %1 hat %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model will not fit: it needs about %1, %2 has %3. Choose a smaller context or batch, a smaller quantization, or another device.</source>
        <translation>Das Modell passt nicht: Es benötigt etwa %1, %2 hat %3. Wählen Sie einen kleineren Kontext oder Stapel, eine kleinere Quantisierung oder ein anderes Gerät.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The model was trained for at most %L1 tokens of context; the engine uses no more than that.</source>
        <translation>Das Modell wurde für höchstens %L1 Token Kontext trainiert; die Engine verwendet nicht mehr.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a LoRA adapter</source>
        <translation>LoRA-Adapter wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF adapters (*.gguf);;All files (*)</source>
        <translation>GGUF-Adapter (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The clause library could not be saved to %1: %2</source>
        <translation>Die Klauselbibliothek konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The model file cannot be used: %1</source>
        <translation>Die Modelldatei kann nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/application.cpp" line="+49"/>
        <source>Finds the clauses of PDF contracts with a language model on this computer.</source>
        <translation>Findet die Klauseln von PDF-Verträgen mit einem Sprachmodell auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open this database (created if needed).</source>
        <translation>Diese Datenbank öffnen (wird bei Bedarf erstellt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF files or folders to add.</source>
        <translation>Hinzuzufügende PDF-Dateien oder Ordner.</translation>
    </message>
</context>
</TS>

