<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="+33"/>
        <source>no Vulkan device</source>
        <translation>aucun périphérique Vulkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no Vulkan driver (%1)</source>
        <translation>aucun pilote Vulkan (%1)</translation>
    </message>
</context>
<context>
    <name>ModelInfo</name>
    <message>
        <location filename="../app/gui/model_info.cpp" line="+102"/>
        <location line="+84"/>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The file has no general.architecture: it is not a language model.</source>
        <translation>Le fichier n’a pas de general.architecture : ce n’est pas un modèle de langage.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is a LoRA adapter, not a model: choose it as the adapter.</source>
        <translation>Il s’agit d’un adaptateur LoRA, pas d’un modèle : choisissez-le comme adaptateur.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The file lacks %1block_count or %1embedding_length: it is not a complete model.</source>
        <translation>Il manque au fichier %1block_count ou %1embedding_length : ce n’est pas un modèle complet.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not a LoRA adapter (general.type must be &quot;adapter&quot; and adapter.type &quot;lora&quot;).</source>
        <translation>Ce n’est pas un adaptateur LoRA (general.type doit valoir &quot;adapter&quot; et adapter.type &quot;lora&quot;).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The adapter has no lora_a matrices.</source>
        <translation>L’adaptateur n’a pas de matrices lora_a.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/settings_dialog.cpp" line="+58"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::AboutDialog</name>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="+6"/>
        <source>About ClauseLens</source>
        <translation>À propos de ClauseLens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h2&gt;ClauseLens %1&lt;/h2&gt;&lt;p&gt;Finds the clauses of contracts with a language model that runs on this computer. Documents never leave it.&lt;/p&gt;&lt;p&gt;Default clause library: CUAD, © The Atticus Project, CC BY 4.0.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ClauseLens %1&lt;/h2&gt;&lt;p&gt;Trouve les clauses des contrats avec un modèle de langage qui s’exécute sur cet ordinateur. Les documents ne le quittent jamais.&lt;/p&gt;&lt;p&gt;Bibliothèque de clauses par défaut : CUAD, © The Atticus Project, CC BY 4.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy versions</source>
        <translation>&amp;Copier les versions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>looking for Vulkan devices…</source>
        <translation>recherche des périphériques Vulkan…</translation>
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
Vulkan :
%5</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::BatchPanel</name>
    <message>
        <location filename="../app/gui/batch_panel.cpp" line="+63"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch progress</source>
        <translation>Progression du lot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No batch running</source>
        <translation>Aucun lot en cours</translation>
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
        <translation>Mettre le lot en pause</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Stop after the current file or group of segments; clicks on a page are still answered</source>
        <translation>S’arrêter après le fichier ou le groupe de segments en cours ; les clics sur une page restent traités</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ncel Batch</source>
        <translation>A&amp;nnuler le lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the batch</source>
        <translation>Annuler le lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the batch; everything done so far is kept, and extracting again continues where it stopped</source>
        <translation>Arrêter le lot ; tout ce qui a été fait est conservé, et une nouvelle extraction reprend là où elle s’est arrêtée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch status</source>
        <translation>État du lot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files of the batch</source>
        <translation>Fichiers du lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 of %2 document</source>
        <translation>%1 document sur %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 documents</source>
        <translation>%1 documents sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1</source>
        <translation>Temps restant %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 tokens/s</source>
        <translation>%1 jetons/s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Document %1</source>
        <translation>Document %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Paused at %1</source>
        <translation>En pause à %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading %1</source>
        <translation>Lecture de %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume the batch</source>
        <translation>Reprendre le lot</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::BatchQueue</name>
    <message>
        <location filename="../app/gui/batch_queue.cpp" line="+105"/>
        <source>No text layer (a scanned document?): it needs OCR before ClauseLens can read it.</source>
        <translation>Aucune couche de texte (document numérisé ?) : un OCR est nécessaire avant que ClauseLens puisse le lire.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The file is encrypted: it needs its password.</source>
        <translation>Le fichier est chiffré : son mot de passe est nécessaire.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+187"/>
        <source>Not read: the batch was cancelled.</source>
        <translation>Non lu : le lot a été annulé.</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Stopped: extracting again continues where it stopped.</source>
        <translation>Arrêté : une nouvelle extraction reprend là où elle s’est arrêtée.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>ClauseLens is closing.</source>
        <translation>ClauseLens se ferme.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingesting</source>
        <translation>importation en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingested</source>
        <translation>importé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already stored</source>
        <translation>déjà enregistré</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>extracting %1%</source>
        <translation>extraction %1 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs OCR</source>
        <translation>OCR nécessaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>password needed</source>
        <translation>mot de passe requis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message numerus="yes">
        <location line="+170"/>
        <source>%n extracted</source>
        <translation>
            <numerusform>%n extrait</numerusform>
            <numerusform>%n extraits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n ingested</source>
        <translation>
            <numerusform>%n importé</numerusform>
            <numerusform>%n importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n already stored</source>
        <translation>
            <numerusform>%n déjà enregistré</numerusform>
            <numerusform>%n déjà enregistrés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n with problems</source>
        <translation>
            <numerusform>%n avec des problèmes</numerusform>
            <numerusform>%n avec des problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n annulé</numerusform>
            <numerusform>%n annulés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 document: </source>
        <translation>1 document : </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 documents: </source>
        <translation>%1 documents : </translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ClassificationPopup</name>
    <message>
        <location filename="../app/gui/classification_popup.cpp" line="+17"/>
        <source>Classification of the selected passage</source>
        <translation>Classement du passage sélectionné</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Categories and scores</source>
        <translation>Catégories et scores</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+29"/>
        <location line="+46"/>
        <source>&amp;Accept as result</source>
        <translation>&amp;Accepter comme résultat</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Accept the selected category as a result</source>
        <translation>Accepter la catégorie sélectionnée comme résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Classifying the selected passage…</source>
        <translation>Classement du passage sélectionné…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No clause category applies to this passage (%1 s).</source>
        <translation>Aucune catégorie de clause ne s’applique à ce passage (%1 s).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The model found %n category(ies) in %1 s:</source>
        <translation>
            <numerusform>Le modèle a trouvé %n catégorie en %1 s :</numerusform>
            <numerusform>Le modèle a trouvé %n catégories en %1 s :</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — %2%</source>
        <translation>%1 — %2 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — %2% (not chosen)</source>
        <translation>%1 — %2 % (non retenue)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fields: %1</source>
        <translation>Champs : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passage: “%1”</source>
        <translation>Passage : « %1 »</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer was cut at the answer length limit (Settings → Performance).</source>
        <translation>La réponse a été tronquée à la longueur maximale de réponse (Paramètres → Performances).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The passage lies outside the document&apos;s stored segments.</source>
        <translation>Le passage se trouve en dehors des segments enregistrés du document.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::DocumentListModel</name>
    <message>
        <location filename="../app/gui/document_list_model.cpp" line="+132"/>
        <location line="+6"/>
        <source>ingested</source>
        <translation>importé</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>needs OCR</source>
        <translation>OCR nécessaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This PDF has no text layer (a scan). Run it through OCR and add it again.</source>
        <translation>Ce PDF n’a pas de couche de texte (numérisation). Passez-le par un OCR et ajoutez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clauses</source>
        <translation>Clauses</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::EngineWorker</name>
    <message>
        <location filename="../app/gui/engine_worker.cpp" line="+182"/>
        <source>No model: documents are ingested and searchable, but clauses are not extracted. Choose a GGUF model in Settings (Edit → Settings → Model).</source>
        <translation>Aucun modèle : les documents sont importés et consultables, mais les clauses ne sont pas extraites. Choisissez un modèle GGUF dans les paramètres (Édition → Paramètres → Modèle).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no such model file. Choose a GGUF model in Settings.</source>
        <translation>%1 : fichier de modèle introuvable. Choisissez un modèle GGUF dans les paramètres.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+62"/>
        <location line="+1"/>
        <location line="+144"/>
        <source>No database is open.</source>
        <translation>Aucune base de données n’est ouverte.</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>No model is loaded, so clauses cannot be extracted. Choose a GGUF model in Settings (Edit → Settings → Model).</source>
        <translation>Aucun modèle n’est chargé, les clauses ne peuvent donc pas être extraites. Choisissez un modèle GGUF dans les paramètres (Édition → Paramètres → Modèle).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No documents with text to extract from.</source>
        <translation>Aucun document contenant du texte à extraire.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Stopped after %1 of %2 documents; what was done is kept, and extracting again continues where it stopped.</source>
        <translation>Arrêté après %1 documents sur %2 ; ce qui a été fait est conservé, et une nouvelle extraction reprend là où elle s’est arrêtée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extraction: %1 of %2 documents, %3 segments, %4 clauses found in %5 (%6 tokens/s).</source>
        <translation>Extraction : %1 documents sur %2, %3 segments, %4 clauses trouvées en %5 (%6 jetons/s).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No model is loaded. Choose a GGUF model in Settings (Edit → Settings → Model) to classify passages.</source>
        <translation>Aucun modèle n’est chargé. Choisissez un modèle GGUF dans les paramètres (Édition → Paramètres → Modèle) pour classer des passages.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The result cannot be stored: no model or no database is loaded.</source>
        <translation>Le résultat ne peut pas être enregistré : aucun modèle ou aucune base de données n’est chargé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected words lie in no stored segment of the document, so the result has no place to be stored.</source>
        <translation>Les mots sélectionnés ne se trouvent dans aucun segment enregistré du document ; le résultat ne peut donc pas être enregistré.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ExportDialog</name>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="+35"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heading path</source>
        <translation>Chemin des titres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clause text</source>
        <translation>Texte de la clause</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review status</source>
        <translation>Statut de vérification</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model and run</source>
        <translation>Modèle et exécution</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>category %1</source>
        <translation>catégorie %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>document %1</source>
        <translation>document %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>document #%1</source>
        <translation>document n°%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1</source>
        <translation>exécution %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted only</source>
        <translation>acceptés uniquement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no filter: all results</source>
        <translation>aucun filtre : tous les résultats</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CSV (spreadsheets)</source>
        <translation>&amp;CSV (tableurs)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV format</source>
        <translation>Format CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON format</source>
        <translation>Format JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xcel-friendly (UTF-8 BOM)</source>
        <translation>Compatible E&amp;xcel (UTF-8 BOM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel-friendly CSV with a UTF-8 byte order mark</source>
        <translation>CSV compatible Excel avec une marque d’ordre des octets UTF-8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts the file with a byte order mark, without which Excel misreads accented letters.</source>
        <translation>Commence le fichier par une marque d’ordre des octets, sans laquelle Excel lit mal les lettres accentuées.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All results</source>
        <translation>&amp;Tous les résultats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export all results</source>
        <translation>Exporter tous les résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acce&amp;pted only</source>
        <translation>Acce&amp;ptés uniquement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export accepted and edited results only</source>
        <translation>Exporter uniquement les résultats acceptés et modifiés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results a reviewer accepted, with or without edits.</source>
        <translation>Résultats acceptés par un vérificateur, avec ou sans modifications.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;urrent filter (%1)</source>
        <translation>Filtre act&amp;uel (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the results the current filter shows</source>
        <translation>Exporter les résultats affichés par le filtre actuel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Col&amp;umns</source>
        <translation>Colo&amp;nnes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns to export</source>
        <translation>Colonnes à exporter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File to write</source>
        <translation>Fichier à écrire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the file to write</source>
        <translation>Choisir le fichier à écrire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export in progress</source>
        <translation>Exportation en cours</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Export results to</source>
        <translation>Exporter les résultats vers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose at least one column to export.</source>
        <translation>Choisissez au moins une colonne à exporter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 est un dossier ; choisissez un nom de fichier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting to %1…</source>
        <translation>Exportation vers %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not create %1: %2</source>
        <translation>Impossible de créer %1 : %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not finish writing %1: %2 (is the disk full?)</source>
        <translation>Impossible de terminer l’écriture de %1 : %2 (le disque est-il plein ?)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Exported %n result(s) to %1.</source>
        <translation>
            <numerusform>%n résultat exporté vers %1.</numerusform>
            <numerusform>%n résultats exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export failed: %1</source>
        <translation>L’exportation a échoué : %1</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::HelpDialog</name>
    <message>
        <location filename="../app/gui/help_dialog.cpp" line="+10"/>
        <source>&lt;h2&gt;Working with ClauseLens&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Add contracts.&lt;/b&gt; Drop PDF files or whole folders on the window, or use File → Open PDF Files (Ctrl+O) / Open Folder (Ctrl+Shift+O). Each file is read once: adding it again does not duplicate it. Encrypted files ask for their password; scanned files without a text layer are marked &lt;i&gt;needs OCR&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Choose a model&lt;/b&gt; once in Edit → Settings → Model: an instruction-tuned GGUF model such as Qwen2.5-3B-Instruct, Llama-3.2-3B-Instruct or Phi-3.5-mini-instruct at Q4_K_M, and optionally a fine-tuned LoRA adapter. Everything runs on this computer; no document leaves it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Extract.&lt;/b&gt; With a model set, dropped contracts are extracted after they are read. The Batch panel shows each file&apos;s progress, the ETA and any errors; Pause and Cancel keep everything finished so far.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Check one passage.&lt;/b&gt; Drag a rectangle over a passage on the page and press Extract (or right-click → Classify clause): the categories and scores appear at once, and Accept stores the clause as a result.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review.&lt;/b&gt; Click a result to see its clause highlighted on the page. Press A to accept, R to reject, F2 to edit its fields; Ctrl+Z undoes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt; with File → Export Results (Ctrl+E): CSV for Excel or JSON, all results, accepted ones, or what the table shows.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O / Ctrl+Shift+O&lt;/td&gt;&lt;td&gt;add PDF files / a folder&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;export results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;search the results&apos; clause text&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Shift+E / Ctrl+R&lt;/td&gt;&lt;td&gt;extract all documents / this document&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+.&lt;/td&gt;&lt;td&gt;cancel the batch&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;A / R / F2&lt;/td&gt;&lt;td&gt;accept / reject / edit the selected results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Enter&lt;/td&gt;&lt;td&gt;show the selected result on its page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/td&gt;&lt;td&gt;undo / redo a review&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Page Up / Page Down&lt;/td&gt;&lt;td&gt;previous / next page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl++ / Ctrl+- / Ctrl+wheel&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+2 / Ctrl+0&lt;/td&gt;&lt;td&gt;fit width / fit page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Esc&lt;/td&gt;&lt;td&gt;clear the selection on the page&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;Utiliser ClauseLens&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Ajouter des contrats.&lt;/b&gt; Déposez des fichiers PDF ou des dossiers entiers sur la fenêtre, ou utilisez Fichier → Ouvrir des fichiers PDF (Ctrl+O) / Ouvrir un dossier (Ctrl+Maj+O). Chaque fichier n’est lu qu’une fois : l’ajouter à nouveau ne crée pas de doublon. Les fichiers chiffrés demandent leur mot de passe ; les fichiers numérisés sans couche de texte sont marqués &lt;i&gt;OCR nécessaire&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Choisir un modèle&lt;/b&gt; une fois dans Édition → Paramètres → Modèle : un modèle GGUF ajusté aux instructions tel que Qwen2.5-3B-Instruct, Llama-3.2-3B-Instruct ou Phi-3.5-mini-instruct en Q4_K_M, et éventuellement un adaptateur LoRA affiné. Tout s’exécute sur cet ordinateur ; aucun document ne le quitte.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Extraire.&lt;/b&gt; Lorsqu’un modèle est défini, les contrats déposés sont extraits après leur lecture. Le panneau Lot affiche la progression de chaque fichier, le temps restant et les éventuelles erreurs ; Pause et Annuler conservent tout ce qui est déjà terminé.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Vérifier un passage.&lt;/b&gt; Tracez un rectangle sur un passage de la page et appuyez sur Extraire (ou clic droit → Classer la clause) : les catégories et les scores s’affichent aussitôt, et Accepter enregistre la clause comme résultat.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Revue.&lt;/b&gt; Cliquez sur un résultat pour voir sa clause surlignée sur la page. Appuyez sur A pour accepter, R pour rejeter, F2 pour modifier ses champs ; Ctrl+Z annule.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exporter&lt;/b&gt; avec Fichier → Exporter les résultats (Ctrl+E) : CSV pour Excel ou JSON, tous les résultats, les résultats acceptés ou ce qu’affiche le tableau.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Raccourcis clavier&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O / Ctrl+Maj+O&lt;/td&gt;&lt;td&gt;ajouter des fichiers PDF / un dossier&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;exporter les résultats&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;rechercher dans le texte des clauses des résultats&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Maj+E / Ctrl+R&lt;/td&gt;&lt;td&gt;extraire tous les documents / ce document&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+.&lt;/td&gt;&lt;td&gt;annuler le lot&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;A / R / F2&lt;/td&gt;&lt;td&gt;accepter / rejeter / modifier les résultats sélectionnés&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Entrée&lt;/td&gt;&lt;td&gt;afficher le résultat sélectionné sur sa page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Maj+Z&lt;/td&gt;&lt;td&gt;annuler / rétablir une revue&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Page préc. / Page suiv.&lt;/td&gt;&lt;td&gt;page précédente / suivante&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl++ / Ctrl+- / Ctrl+molette&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+2 / Ctrl+0&lt;/td&gt;&lt;td&gt;ajuster à la largeur / à la page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Échap&lt;/td&gt;&lt;td&gt;effacer la sélection sur la page&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>ClauseLens Help</source>
        <translation>Aide de ClauseLens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help text</source>
        <translation>Texte d’aide</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::LibraryEditor</name>
    <message>
        <location filename="../app/gui/library_editor.cpp" line="+168"/>
        <source>Clause categories</source>
        <translation>Catégories de clauses</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a clause library</source>
        <translation>Importer une bibliothèque de clauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the clause library</source>
        <translation>Exporter la bibliothèque de clauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a category</source>
        <translation>Ajouter une catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected categories</source>
        <translation>Supprimer les catégories sélectionnées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to &amp;CUAD</source>
        <translation>Réinitialiser à &amp;CUAD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to the CUAD default library</source>
        <translation>Réinitialiser à la bibliothèque CUAD par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the library with CUAD&apos;s 41 categories</source>
        <translation>Remplacer la bibliothèque par les 41 catégories de CUAD</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Imported %n categories.</source>
        <translation>
            <numerusform>%n catégorie importée.</numerusform>
            <numerusform>%n catégories importées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not import the library: %1</source>
        <translation>Impossible d’importer la bibliothèque : %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The library is not valid: %1</source>
        <translation>La bibliothèque n’est pas valide : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n categories to %1.</source>
        <translation>
            <numerusform>%n catégorie exportée vers %1.</numerusform>
            <numerusform>%n catégories exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import clause library</source>
        <translation>Importer une bibliothèque de clauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Clause libraries (*.json)</source>
        <translation>Bibliothèques de clauses (*.json)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Export clause library</source>
        <translation>Exporter la bibliothèque de clauses</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A library needs at least one category.</source>
        <translation>Une bibliothèque doit contenir au moins une catégorie.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Removed %n categories.</source>
        <translation>
            <numerusform>%n catégorie supprimée.</numerusform>
            <numerusform>%n catégories supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The library is CUAD&apos;s default again.</source>
        <translation>La bibliothèque est de nouveau celle de CUAD par défaut.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 — %n categories, %2 fields</source>
        <translation>
            <numerusform>%1 — %n catégorie, %2 champs</numerusform>
            <numerusform>%1 — %n catégories, %2 champs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unnamed library</source>
        <translation>Bibliothèque sans nom</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::LibraryTableModel</name>
    <message>
        <location line="-307"/>
        <source>New category</source>
        <translation>Nouvelle catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New category %1</source>
        <translation>Nouvelle catégorie %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Describe the clause so that the model can recognise it.</source>
        <translation>Décrivez la clause de sorte que le modèle puisse la reconnaître.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="+100"/>
        <source>Choose a model…</source>
        <translation>Choisir un modèle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the model settings</source>
        <translation>Ouvrir les paramètres du modèle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the running batch&apos;s current step…</source>
        <translation>Attente de l’étape en cours du lot…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Extraction is running. Stop it and quit?

Everything finished so far is kept, and the batch continues where it stopped when you add the files again.</source>
        <translation>L’extraction est en cours. L’arrêter et quitter ?

Tout ce qui est déjà terminé est conservé, et le lot reprendra là où il s’est arrêté lorsque vous ajouterez à nouveau les fichiers.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent &amp;Files</source>
        <translation>&amp;Fichiers récents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent &amp;Databases</source>
        <translation>&amp;Bases de données récentes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>E&amp;xtraction</source>
        <translation>E&amp;xtraction</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
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
        <translation>Documents</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open PDF Files…</source>
        <translation>&amp;Ouvrir des fichiers PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Database…</source>
        <translation>Ou&amp;vrir une base de données…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Results…</source>
        <translation>&amp;Exporter les résultats…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in Results</source>
        <translation>Rec&amp;hercher dans les résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract &amp;All Documents</source>
        <translation>Extraire &amp;tous les documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract This &amp;Document</source>
        <translation>Extraire ce &amp;document</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+71"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
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
        <translation>&amp;Annuler le lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Width</source>
        <translation>Ajuster à la &amp;largeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Page</source>
        <translation>Ajuster à la &amp;page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Page</source>
        <translation>Page &amp;suivante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;vious Page</source>
        <translation>Page pré&amp;cédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClauseLens &amp;Help</source>
        <translation>&amp;Aide de ClauseLens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ClauseLens</source>
        <translation>À &amp;propos de ClauseLens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No model is set.&lt;/b&gt; Documents are still read, segmented and searchable. To extract clauses, choose a GGUF model (for example Qwen2.5-3B-Instruct at Q4_K_M) in Edit → Settings → Model.</source>
        <translation>&lt;b&gt;Aucun modèle n’est défini.&lt;/b&gt; Les documents sont tout de même lus, segmentés et consultables. Pour extraire des clauses, choisissez un modèle GGUF (par exemple Qwen2.5-3B-Instruct en Q4_K_M) dans Édition → Paramètres → Modèle.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1% · ETA %2 · %3 tokens/s · %4</source>
        <translation>%1 % · Temps restant %2 · %3 jetons/s · %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1% · %2</source>
        <translation>%1 % · %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the model</source>
        <translation>Chargement du modèle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1
The model is loaded onto the device and the clause library&apos;s prompt is evaluated once.</source>
        <translation>%1
Le modèle est chargé sur le périphérique et l’invite de la bibliothèque de clauses est évaluée une fois.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The clause is stored as an accepted result.</source>
        <translation>La clause est enregistrée comme résultat accepté.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Storing the result</source>
        <translation>Enregistrement du résultat</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Opening the database</source>
        <translation>Ouverture de la base de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClauseLens cannot open %1:
%2</source>
        <translation>ClauseLens ne peut pas ouvrir %1 :
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
        <translation>La lecture de la base de données a échoué : %1</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No model — choose one in Settings</source>
        <translation>Aucun modèle — choisissez-en un dans les paramètres</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Add PDF Contracts</source>
        <translation>Ajouter des contrats PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>Documents PDF (*.pdf *.PDF)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a Folder of Contracts</source>
        <translation>Ajouter un dossier de contrats</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Open Database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>ClauseLens databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de données ClauseLens (*.db *.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+13"/>
        <source>Wait for the running batch to finish or cancel it first.</source>
        <translation>Attendez la fin du lot en cours ou annulez-le d’abord.</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+7"/>
        <source>New Database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>ClauseLens databases (*.db)</source>
        <translation>Bases de données ClauseLens (*.db)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Quit ClauseLens</source>
        <translation>Quitter ClauseLens</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageHighlight</name>
    <message>
        <location filename="../app/gui/page_highlight.cpp" line="+43"/>
        <source>not reviewed</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Score: %2 %&lt;br&gt;Status: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Score : %2 %&lt;br&gt;Statut : %3</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageRenderWorker</name>
    <message>
        <location filename="../app/gui/page_render_worker.cpp" line="+43"/>
        <source>“%1” cannot be shown: the file is missing, damaged or not a PDF.</source>
        <translation>« %1 » ne peut pas être affiché : le fichier est manquant, endommagé ou n’est pas un PDF.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is encrypted: its password is needed to show it.</source>
        <translation>« %1 » est chiffré : son mot de passe est nécessaire pour l’afficher.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password does not open “%1”.</source>
        <translation>Le mot de passe n’ouvre pas « %1 ».</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The document has no page %1.</source>
        <translation>Le document n’a pas de page %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page %1 could not be rendered.</source>
        <translation>La page %1 n’a pas pu être affichée.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageView</name>
    <message>
        <location filename="../app/gui/page_view.cpp" line="+62"/>
        <source>Page view</source>
        <translation>Vue de la page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtract</source>
        <translation>E&amp;xtraire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the selected passage with the model (%1)</source>
        <translation>Classer le passage sélectionné avec le modèle (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the passage selected on the page</source>
        <translation>Classer le passage sélectionné sur la page</translation>
    </message>
    <message>
        <location line="+452"/>
        <source>No document</source>
        <translation>Aucun document</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page %1 of %2, zoom %3 %</source>
        <translation>Page %1 sur %2, zoom %3 %</translation>
    </message>
    <message>
        <location filename="../app/gui/page_view_input.cpp" line="+167"/>
        <source>&amp;Classify clause</source>
        <translation>&amp;Classer la clause</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Width</source>
        <translation>Ajuster à la &amp;largeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit &amp;Page</source>
        <translation>Ajuster à la &amp;page</translation>
    </message>
    <message>
        <location filename="../app/gui/page_view_paint.cpp" line="+103"/>
        <source>Drop PDF contracts here or use File → Open</source>
        <translation>Déposez des contrats PDF ici ou utilisez Fichier → Ouvrir</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PasswordDialog</name>
    <message>
        <location filename="../app/gui/password_dialog.cpp" line="+14"/>
        <source>Password Required</source>
        <translation>Mot de passe requis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is encrypted. Enter its password to add it to the database.</source>
        <translation>« %1 » est chiffré. Saisissez son mot de passe pour l’ajouter à la base de données.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password of %1</source>
        <translation>Le mot de passe de %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open with this password</source>
        <translation>Ouvrir avec ce mot de passe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip this file</source>
        <translation>Ignorer ce fichier</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsDetail</name>
    <message>
        <location filename="../app/gui/results_detail.cpp" line="+44"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This category has no fields.</source>
        <translation>Cette catégorie n’a pas de champs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save fields</source>
        <translation>&amp;Enregistrer les champs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>Aba&amp;ndonner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept</source>
        <translation>&amp;Accepter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reject</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to &amp;model&apos;s answer</source>
        <translation>Revenir à la réponse du &amp;modèle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clause text</source>
        <translation>Texte de la clause</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept result</source>
        <translation>Accepter le résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result is right (A in the table)</source>
        <translation>Le résultat est correct (A dans le tableau)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject result</source>
        <translation>Rejeter le résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result is wrong (R in the table)</source>
        <translation>Le résultat est incorrect (R dans le tableau)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset to the model&apos;s answer</source>
        <translation>Revenir à la réponse du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the review of this result and restore the model&apos;s fields</source>
        <translation>Annuler la revue de ce résultat et restaurer les champs du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save fields</source>
        <translation>Enregistrer les champs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the corrected fields; the model&apos;s answer is kept</source>
        <translation>Enregistrer les champs corrigés ; la réponse du modèle est conservée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert fields</source>
        <translation>Abandonner les modifications des champs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the changes in the form</source>
        <translation>Abandonner les modifications du formulaire</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No result selected</source>
        <translation>Aucun résultat sélectionné</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, page %2</source>
        <translation>%1, page %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, page %2, %3</source>
        <translation>%1, page %2, %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Score: %1%</source>
        <translation>Score : %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Names separated by ;</source>
        <translation>Noms séparés par ;</translation>
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
        <translation>Rechercher dans le texte des clauses (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search results</source>
        <translation>Rechercher dans les résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-text search: words, &quot;exact phrases&quot;, AND, OR, NOT, prefix*</source>
        <translation>Recherche plein texte : mots, &quot;expressions exactes&quot;, AND, OR, NOT, préfixe*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extraction run</source>
        <translation>Exécution d’extraction</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category filter</source>
        <translation>Filtre de catégorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+99"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Document filter</source>
        <translation>Filtre de document</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+105"/>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum score</source>
        <translation>Score minimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide results the model is less confident about</source>
        <translation>Masquer les résultats dont le modèle est moins sûr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. &amp;score:</source>
        <translation>&amp;Score min. :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results shown</source>
        <translation>Résultats affichés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search note</source>
        <translation>Remarque sur la recherche</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>All runs</source>
        <translation>Toutes les exécutions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1: %2 (%3)</source>
        <translation>Exécution %1 : %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n result(s)</source>
        <translation>
            <numerusform>%1 sur %n résultat</numerusform>
            <numerusform>%1 sur %n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Status: all</source>
        <translation>Statut : tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searched for the exact phrase (the text is not a search expression).</source>
        <translation>Recherche de l’expression exacte (le texte n’est pas une expression de recherche).</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsModel</name>
    <message>
        <location filename="../app/gui/results_model.cpp" line="+168"/>
        <source>Model confidence %1</source>
        <translation>Confiance du modèle %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields edited by a reviewer; the model&apos;s answer is kept</source>
        <translation>Champs modifiés par un vérificateur ; la réponse du modèle est conservée</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heading</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unreviewed</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsPanel</name>
    <message>
        <location filename="../app/gui/results_panel.cpp" line="+25"/>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Results table</source>
        <translation>Tableau des résultats</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The results could not be read: %1</source>
        <translation>Les résultats n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>&amp;Accept</source>
        <translation>&amp;Accepter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit fields</source>
        <translation>&amp;Modifier les champs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the &amp;model&apos;s answer</source>
        <translation>Revenir à la réponse d&amp;u modèle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show on page</source>
        <translation>Afficher sur la &amp;page</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ReviewController</name>
    <message>
        <location filename="../app/gui/review_controller.cpp" line="+78"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The fields must be a JSON object such as {&quot;governing_law&quot;: &quot;Delaware&quot;}.</source>
        <translation>Les champs doivent former un objet JSON tel que {&quot;governing_law&quot;: &quot;Delaware&quot;}.</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Accept %n result(s)</source>
        <translation>
            <numerusform>Accepter %n résultat</numerusform>
            <numerusform>Accepter %n résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reject %n result(s)</source>
        <translation>
            <numerusform>Rejeter %n résultat</numerusform>
            <numerusform>Rejeter %n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit fields</source>
        <translation>Modifier les champs</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reset %n result(s) to the model&apos;s answer</source>
        <translation>
            <numerusform>Ramener %n résultat à la réponse du modèle</numerusform>
            <numerusform>Ramener %n résultats à la réponse du modèle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The review decision could not be saved: %1</source>
        <translation>La décision de revue n’a pas pu être enregistrée : %1</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::SettingsDialog</name>
    <message>
        <location filename="../app/gui/settings_dialog.cpp" line="+15"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Device</source>
        <translation>&amp;Périphérique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause &amp;library</source>
        <translation>&amp;Bibliothèque de clauses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Performance</source>
        <translation>P&amp;erformances</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A GGUF model file, e.g. Qwen2.5-3B-Instruct-Q4_K_M.gguf</source>
        <translation>Un fichier de modèle GGUF, p. ex. Qwen2.5-3B-Instruct-Q4_K_M.gguf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the model file</source>
        <translation>Choisir le fichier du modèle</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture:</source>
        <translation>Architecture :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantization:</source>
        <translation>Quantification :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters:</source>
        <translation>Paramètres :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context length:</source>
        <translation>Longueur du contexte :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers:</source>
        <translation>Couches :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LoRA adapter file</source>
        <translation>Fichier de l’adaptateur LoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a LoRA adapter GGUF fine-tuned for this model</source>
        <translation>Facultatif : un adaptateur LoRA GGUF affiné pour ce modèle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the LoRA adapter file</source>
        <translation>Choisir le fichier de l’adaptateur LoRA</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adapter scale</source>
        <translation>Échelle de l’adaptateur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How strongly the adapter changes the model: 0 is the base model, 1 as trained.</source>
        <translation>Intensité avec laquelle l’adaptateur modifie le modèle : 0 correspond au modèle de base, 1 à l’entraînement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LoRA adapter</source>
        <translation>Adaptateur LoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ile:</source>
        <translation>Fic&amp;hier :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Scale:</source>
        <translation>É&amp;chelle :</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vulkan device</source>
        <translation>Périphérique Vulkan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Device:</source>
        <translation>&amp;Périphérique :</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Context size in tokens</source>
        <translation>Taille du contexte en jetons</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions each segment&apos;s sequence may use: the clause library prompt, the segment and the answer.</source>
        <translation>Positions que la séquence de chaque segment peut utiliser : le prompt de la bibliothèque de clauses, le segment et la réponse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch size in segments</source>
        <translation>Taille du lot en segments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> segments</source>
        <translation> segments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segments decoded together. Larger batches are faster on a GPU and need more device memory.</source>
        <translation>Segments décodés ensemble. Les lots plus grands sont plus rapides sur un GPU et nécessitent plus de mémoire du périphérique.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each segment of a contract is decoded with the clause library&apos;s prompt in front of it; its cache holds at most the context size in positions, and no more than the prompt, the segment and the answer need. The batch size is how many segments decode together: each one needs its own cache, so device memory grows with it.</source>
        <translation>Chaque segment d’un contrat est décodé précédé du prompt de la bibliothèque de clauses ; son cache contient au plus la taille du contexte en positions, et pas plus que ce dont le prompt, le segment et la réponse ont besoin. La taille du lot est le nombre de segments décodés ensemble : chacun a besoin de son propre cache, la mémoire du périphérique augmente donc avec elle.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Context size:</source>
        <translation>Taille du &amp;contexte :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Batch size:</source>
        <translation>Taille du &amp;lot :</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+151"/>
        <source>Automatic (the best device)</source>
        <translation>Automatique (le meilleur périphérique)</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>The clause library in the settings could not be read, so the CUAD default is shown: %1</source>
        <translation>La bibliothèque de clauses des paramètres n’a pas pu être lue, la bibliothèque CUAD par défaut est donc affichée : %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+37"/>
        <source>Reading…</source>
        <translation>Lecture…</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>No model chosen: extraction needs a GGUF model file.</source>
        <translation>Aucun modèle choisi : l’extraction nécessite un fichier de modèle GGUF.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%L1 tokens</source>
        <translation>%L1 jetons</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>This file cannot be used: %1</source>
        <translation>Ce fichier ne peut pas être utilisé : %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No adapter: the base model runs as it is.</source>
        <translation>Aucun adaptateur : le modèle de base s’exécute tel quel.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: LoRA rank %2 on %3 matrices, alpha %4, for %5 models (%6).</source>
        <translation>%1 : LoRA de rang %2 sur %3 matrices, alpha %4, pour les modèles %5 (%6).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It was made for %1 models, but the model is %2.</source>
        <translation>Il a été conçu pour les modèles %1, mais le modèle est %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Looking for Vulkan devices…</source>
        <translation>Recherche des périphériques Vulkan…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2 — %3</source>
        <translation>%1 : %2 — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not usable: %1)</source>
        <translation>(inutilisable : %1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (not found)</source>
        <translation>%1 (introuvable)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Vulkan driver could be loaded: %1</source>
        <translation>Aucun pilote Vulkan n’a pu être chargé : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Vulkan device found. Install the Vulkan driver of your GPU, or Mesa&apos;s lavapipe (mesa-vulkan-drivers) to run on the CPU.</source>
        <translation>Aucun périphérique Vulkan trouvé. Installez le pilote Vulkan de votre GPU, ou lavapipe de Mesa (mesa-vulkan-drivers) pour exécuter sur le CPU.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n Vulkan device(s) found.</source>
        <translation>
            <numerusform>%n périphérique Vulkan trouvé.</numerusform>
            <numerusform>%n périphériques Vulkan trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a model to see how much device memory it needs.</source>
        <translation>Choisissez un modèle pour voir combien de mémoire du périphérique il nécessite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With up to %L1 positions per segment and a batch of %2 segments the model needs about %3 of device memory%4.</source>
        <translation>Avec jusqu’à %L1 positions par segment et un lot de %2 segments, le modèle nécessite environ %3 de mémoire du périphérique%4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; %1 has %2</source>
        <translation> ; %1 dispose de %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model will not fit: it needs about %1, %2 has %3. Choose a smaller context or batch, a smaller quantization, or another device.</source>
        <translation>Le modèle ne tiendra pas : il nécessite environ %1, %2 dispose de %3. Choisissez un contexte ou un lot plus petit, une quantification plus faible ou un autre périphérique.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The model was trained for at most %L1 tokens of context; the engine uses no more than that.</source>
        <translation>Le modèle a été entraîné pour au plus %L1 jetons de contexte ; le moteur n’en utilise pas davantage.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a model</source>
        <translation>Choisir un modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a LoRA adapter</source>
        <translation>Choisir un adaptateur LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF adapters (*.gguf);;All files (*)</source>
        <translation>Adaptateurs GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The clause library could not be saved to %1: %2</source>
        <translation>La bibliothèque de clauses n’a pas pu être enregistrée dans %1 : %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The model file cannot be used: %1</source>
        <translation>Le fichier du modèle ne peut pas être utilisé : %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/application.cpp" line="+49"/>
        <source>Finds the clauses of PDF contracts with a language model on this computer.</source>
        <translation>Trouve les clauses des contrats PDF avec un modèle de langage sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open this database (created if needed).</source>
        <translation>Ouvrir cette base de données (créée si nécessaire).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF files or folders to add.</source>
        <translation>Fichiers ou dossiers PDF à ajouter.</translation>
    </message>
</context>
</TS>

