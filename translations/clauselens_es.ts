<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="+33"/>
        <source>no Vulkan device</source>
        <translation>ningún dispositivo Vulkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no Vulkan driver (%1)</source>
        <translation>ningún controlador Vulkan (%1)</translation>
    </message>
</context>
<context>
    <name>ModelInfo</name>
    <message>
        <location filename="../app/gui/model_info.cpp" line="+102"/>
        <location line="+84"/>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>The file has no general.architecture: it is not a language model.</source>
        <translation>El archivo no tiene general.architecture: no es un modelo de lenguaje.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is a LoRA adapter, not a model: choose it as the adapter.</source>
        <translation>Esto es un adaptador LoRA, no un modelo: elíjalo como adaptador.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The file lacks %1block_count or %1embedding_length: it is not a complete model.</source>
        <translation>Al archivo le falta %1block_count o %1embedding_length: no es un modelo completo.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not a LoRA adapter (general.type must be &quot;adapter&quot; and adapter.type &quot;lora&quot;).</source>
        <translation>No es un adaptador LoRA (general.type debe ser &quot;adapter&quot; y adapter.type &quot;lora&quot;).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The adapter has no lora_a matrices.</source>
        <translation>El adaptador no tiene matrices lora_a.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/settings_dialog.cpp" line="+58"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::AboutDialog</name>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="+6"/>
        <source>About ClauseLens</source>
        <translation>Acerca de ClauseLens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h2&gt;ClauseLens %1&lt;/h2&gt;&lt;p&gt;Finds the clauses of contracts with a language model that runs on this computer. Documents never leave it.&lt;/p&gt;&lt;p&gt;Default clause library: CUAD, © The Atticus Project, CC BY 4.0.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ClauseLens %1&lt;/h2&gt;&lt;p&gt;Encuentra las cláusulas de los contratos con un modelo de lenguaje que se ejecuta en este equipo. Los documentos nunca salen de él.&lt;/p&gt;&lt;p&gt;Biblioteca de cláusulas predeterminada: CUAD, © The Atticus Project, CC BY 4.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy versions</source>
        <translation>&amp;Copiar versiones</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>looking for Vulkan devices…</source>
        <translation>buscando dispositivos Vulkan…</translation>
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
        <translation>Lote</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch progress</source>
        <translation>Progreso del lote</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No batch running</source>
        <translation>Ningún lote en curso</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+163"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+162"/>
        <source>Pause the batch</source>
        <translation>Pausar el lote</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Stop after the current file or group of segments; clicks on a page are still answered</source>
        <translation>Detener tras el archivo o grupo de segmentos actual; los clics en una página se siguen atendiendo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ncel Batch</source>
        <translation>Ca&amp;ncelar lote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the batch</source>
        <translation>Cancelar el lote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the batch; everything done so far is kept, and extracting again continues where it stopped</source>
        <translation>Detener el lote; todo lo realizado hasta ahora se conserva, y al volver a extraer se continúa donde se detuvo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch status</source>
        <translation>Estado del lote</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Files of the batch</source>
        <translation>Archivos del lote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 of %2 document</source>
        <translation>%1 de %2 documento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 documents</source>
        <translation>%1 de %2 documentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1</source>
        <translation>Tiempo restante %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Document %1</source>
        <translation>Documento %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Paused at %1</source>
        <translation>En pausa en %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading %1</source>
        <translation>Leyendo %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume the batch</source>
        <translation>Reanudar el lote</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::BatchQueue</name>
    <message>
        <location filename="../app/gui/batch_queue.cpp" line="+105"/>
        <source>No text layer (a scanned document?): it needs OCR before ClauseLens can read it.</source>
        <translation>Sin capa de texto (¿un documento escaneado?): necesita OCR antes de que ClauseLens pueda leerlo.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The file is encrypted: it needs its password.</source>
        <translation>El archivo está cifrado: necesita su contraseña.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+187"/>
        <source>Not read: the batch was cancelled.</source>
        <translation>No leído: el lote se canceló.</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Stopped: extracting again continues where it stopped.</source>
        <translation>Detenido: al volver a extraer se continúa donde se detuvo.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>ClauseLens is closing.</source>
        <translation>ClauseLens se está cerrando.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingesting</source>
        <translation>importando</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingested</source>
        <translation>importado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already stored</source>
        <translation>ya almacenado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>extracting %1%</source>
        <translation>extrayendo %1%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs OCR</source>
        <translation>requiere OCR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>password needed</source>
        <translation>requiere contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message numerus="yes">
        <location line="+170"/>
        <source>%n extracted</source>
        <translation>
            <numerusform>%n extraído</numerusform>
            <numerusform>%n extraídos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n ingested</source>
        <translation>
            <numerusform>%n importado</numerusform>
            <numerusform>%n importados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n already stored</source>
        <translation>
            <numerusform>%n ya almacenado</numerusform>
            <numerusform>%n ya almacenados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n with problems</source>
        <translation>
            <numerusform>%n con problemas</numerusform>
            <numerusform>%n con problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelado</numerusform>
            <numerusform>%n cancelados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 document: </source>
        <translation>1 documento: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 documents: </source>
        <translation>%1 documentos: </translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ClassificationPopup</name>
    <message>
        <location filename="../app/gui/classification_popup.cpp" line="+17"/>
        <source>Classification of the selected passage</source>
        <translation>Clasificación del pasaje seleccionado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Categories and scores</source>
        <translation>Categorías y puntuaciones</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+29"/>
        <location line="+46"/>
        <source>&amp;Accept as result</source>
        <translation>&amp;Aceptar como resultado</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Accept the selected category as a result</source>
        <translation>Aceptar la categoría seleccionada como resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Classifying the selected passage…</source>
        <translation>Clasificando el pasaje seleccionado…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No clause category applies to this passage (%1 s).</source>
        <translation>Ninguna categoría de cláusula se aplica a este pasaje (%1 s).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The model found %n category(ies) in %1 s:</source>
        <translation>
            <numerusform>El modelo encontró %n categoría en %1 s:</numerusform>
            <numerusform>El modelo encontró %n categorías en %1 s:</numerusform>
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
        <translation>%1 — %2% (no elegida)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fields: %1</source>
        <translation>Campos: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passage: “%1”</source>
        <translation>Pasaje: «%1»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer was cut at the answer length limit (Settings → Performance).</source>
        <translation>La respuesta se cortó en el límite de longitud de respuesta (Configuración → Rendimiento).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The passage lies outside the document&apos;s stored segments.</source>
        <translation>El pasaje está fuera de los segmentos almacenados del documento.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::DocumentListModel</name>
    <message>
        <location filename="../app/gui/document_list_model.cpp" line="+132"/>
        <location line="+6"/>
        <source>ingested</source>
        <translation>importado</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>needs OCR</source>
        <translation>requiere OCR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This PDF has no text layer (a scan). Run it through OCR and add it again.</source>
        <translation>Este PDF no tiene capa de texto (es un escaneo). Procéselo con OCR y vuelva a añadirlo.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clauses</source>
        <translation>Cláusulas</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::EngineWorker</name>
    <message>
        <location filename="../app/gui/engine_worker.cpp" line="+182"/>
        <source>No model: documents are ingested and searchable, but clauses are not extracted. Choose a GGUF model in Settings (Edit → Settings → Model).</source>
        <translation>Sin modelo: los documentos se importan y se pueden buscar, pero no se extraen cláusulas. Elija un modelo GGUF en la configuración (Editar → Configuración → Modelo).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no such model file. Choose a GGUF model in Settings.</source>
        <translation>%1: el archivo de modelo no existe. Elija un modelo GGUF en la configuración.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+62"/>
        <location line="+1"/>
        <location line="+144"/>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>No model is loaded, so clauses cannot be extracted. Choose a GGUF model in Settings (Edit → Settings → Model).</source>
        <translation>No hay ningún modelo cargado, por lo que no se pueden extraer cláusulas. Elija un modelo GGUF en la configuración (Editar → Configuración → Modelo).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No documents with text to extract from.</source>
        <translation>No hay documentos con texto del que extraer.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Stopped after %1 of %2 documents; what was done is kept, and extracting again continues where it stopped.</source>
        <translation>Detenido tras %1 de %2 documentos; lo realizado se conserva, y al volver a extraer se continúa donde se detuvo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extraction: %1 of %2 documents, %3 segments, %4 clauses found in %5 (%6 tokens/s).</source>
        <translation>Extracción: %1 de %2 documentos, %3 segmentos, %4 cláusulas encontradas en %5 (%6 tokens/s).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No model is loaded. Choose a GGUF model in Settings (Edit → Settings → Model) to classify passages.</source>
        <translation>No hay ningún modelo cargado. Elija un modelo GGUF en la configuración (Editar → Configuración → Modelo) para clasificar pasajes.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The result cannot be stored: no model or no database is loaded.</source>
        <translation>No se puede almacenar el resultado: no hay ningún modelo o ninguna base de datos cargados.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected words lie in no stored segment of the document, so the result has no place to be stored.</source>
        <translation>Las palabras seleccionadas no están en ningún segmento almacenado del documento, por lo que el resultado no se puede almacenar.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ExportDialog</name>
    <message>
        <location filename="../app/gui/export_dialog.cpp" line="+35"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heading path</source>
        <translation>Ruta de encabezados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clause text</source>
        <translation>Texto de la cláusula</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review status</source>
        <translation>Estado de revisión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model and run</source>
        <translation>Modelo y ejecución</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>category %1</source>
        <translation>categoría %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>document %1</source>
        <translation>documento %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>document #%1</source>
        <translation>documento n.º %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted only</source>
        <translation>solo aceptados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no filter: all results</source>
        <translation>sin filtro: todos los resultados</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Results</source>
        <translation>Exportar resultados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CSV (spreadsheets)</source>
        <translation>&amp;CSV (hojas de cálculo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV format</source>
        <translation>Formato CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON format</source>
        <translation>Formato JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xcel-friendly (UTF-8 BOM)</source>
        <translation>Compatible con E&amp;xcel (UTF-8 BOM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel-friendly CSV with a UTF-8 byte order mark</source>
        <translation>CSV compatible con Excel con marca de orden de bytes UTF-8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts the file with a byte order mark, without which Excel misreads accented letters.</source>
        <translation>Comienza el archivo con una marca de orden de bytes, sin la cual Excel lee mal las letras acentuadas.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All results</source>
        <translation>&amp;Todos los resultados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export all results</source>
        <translation>Exportar todos los resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acce&amp;pted only</source>
        <translation>Solo ace&amp;ptados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export accepted and edited results only</source>
        <translation>Exportar solo los resultados aceptados y editados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results a reviewer accepted, with or without edits.</source>
        <translation>Resultados que un revisor aceptó, con o sin ediciones.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;urrent filter (%1)</source>
        <translation>Filtro act&amp;ual (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the results the current filter shows</source>
        <translation>Exportar los resultados que muestra el filtro actual</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Col&amp;umns</source>
        <translation>C&amp;olumnas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns to export</source>
        <translation>Columnas que exportar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>File to write</source>
        <translation>Archivo de destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the file to write</source>
        <translation>Elegir el archivo de destino</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export in progress</source>
        <translation>Exportación en curso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>Expo&amp;rtar</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Export results to</source>
        <translation>Exportar resultados a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose at least one column to export.</source>
        <translation>Elija al menos una columna para exportar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the file to write.</source>
        <translation>Elija el archivo de destino.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 es una carpeta; elija un nombre de archivo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not create %1: %2</source>
        <translation>No se pudo crear %1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not finish writing %1: %2 (is the disk full?)</source>
        <translation>No se pudo terminar de escribir %1: %2 (¿está lleno el disco?)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Exported %n result(s) to %1.</source>
        <translation>
            <numerusform>Se exportó %n resultado a %1.</numerusform>
            <numerusform>Se exportaron %n resultados a %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::HelpDialog</name>
    <message>
        <location filename="../app/gui/help_dialog.cpp" line="+10"/>
        <source>&lt;h2&gt;Working with ClauseLens&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Add contracts.&lt;/b&gt; Drop PDF files or whole folders on the window, or use File → Open PDF Files (Ctrl+O) / Open Folder (Ctrl+Shift+O). Each file is read once: adding it again does not duplicate it. Encrypted files ask for their password; scanned files without a text layer are marked &lt;i&gt;needs OCR&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Choose a model&lt;/b&gt; once in Edit → Settings → Model: an instruction-tuned GGUF model such as Qwen2.5-3B-Instruct, Llama-3.2-3B-Instruct or Phi-3.5-mini-instruct at Q4_K_M, and optionally a fine-tuned LoRA adapter. Everything runs on this computer; no document leaves it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Extract.&lt;/b&gt; With a model set, dropped contracts are extracted after they are read. The Batch panel shows each file&apos;s progress, the ETA and any errors; Pause and Cancel keep everything finished so far.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Check one passage.&lt;/b&gt; Drag a rectangle over a passage on the page and press Extract (or right-click → Classify clause): the categories and scores appear at once, and Accept stores the clause as a result.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Review.&lt;/b&gt; Click a result to see its clause highlighted on the page. Press A to accept, R to reject, F2 to edit its fields; Ctrl+Z undoes.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt; with File → Export Results (Ctrl+E): CSV for Excel or JSON, all results, accepted ones, or what the table shows.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Keyboard shortcuts&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O / Ctrl+Shift+O&lt;/td&gt;&lt;td&gt;add PDF files / a folder&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;export results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;search the results&apos; clause text&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Shift+E / Ctrl+R&lt;/td&gt;&lt;td&gt;extract all documents / this document&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+.&lt;/td&gt;&lt;td&gt;cancel the batch&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;A / R / F2&lt;/td&gt;&lt;td&gt;accept / reject / edit the selected results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Enter&lt;/td&gt;&lt;td&gt;show the selected result on its page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Shift+Z&lt;/td&gt;&lt;td&gt;undo / redo a review&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Page Up / Page Down&lt;/td&gt;&lt;td&gt;previous / next page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl++ / Ctrl+- / Ctrl+wheel&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+2 / Ctrl+0&lt;/td&gt;&lt;td&gt;fit width / fit page&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Esc&lt;/td&gt;&lt;td&gt;clear the selection on the page&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;Trabajar con ClauseLens&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Añadir contratos.&lt;/b&gt; Arrastre archivos PDF o carpetas enteras a la ventana, o use Archivo → Abrir archivos PDF (Ctrl+O) / Abrir carpeta (Ctrl+Mayús+O). Cada archivo se lee una sola vez: volver a añadirlo no lo duplica. Los archivos cifrados piden su contraseña; los archivos escaneados sin capa de texto se marcan como &lt;i&gt;requiere OCR&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Elegir un modelo&lt;/b&gt; una vez en Editar → Configuración → Modelo: un modelo GGUF ajustado para instrucciones como Qwen2.5-3B-Instruct, Llama-3.2-3B-Instruct o Phi-3.5-mini-instruct en Q4_K_M y, opcionalmente, un adaptador LoRA ajustado. Todo se ejecuta en este equipo; ningún documento sale de él.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Extraer.&lt;/b&gt; Con un modelo configurado, los contratos arrastrados se extraen después de leerse. El panel Lote muestra el progreso de cada archivo, el tiempo restante y los posibles errores; Pausa y Cancelar conservan todo lo terminado hasta el momento.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Comprobar un pasaje.&lt;/b&gt; Arrastre un rectángulo sobre un pasaje de la página y pulse Extraer (o clic derecho → Clasificar cláusula): las categorías y puntuaciones aparecen al instante, y Aceptar almacena la cláusula como resultado.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Revisión.&lt;/b&gt; Haga clic en un resultado para ver su cláusula resaltada en la página. Pulse A para aceptar, R para rechazar, F2 para editar sus campos; Ctrl+Z deshace.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exportar&lt;/b&gt; con Archivo → Exportar resultados (Ctrl+E): CSV para Excel o JSON, todos los resultados, los aceptados o lo que muestra la tabla.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Atajos de teclado&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O / Ctrl+Mayús+O&lt;/td&gt;&lt;td&gt;añadir archivos PDF / una carpeta&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;exportar resultados&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;buscar en el texto de las cláusulas de los resultados&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Mayús+E / Ctrl+R&lt;/td&gt;&lt;td&gt;extraer todos los documentos / este documento&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+.&lt;/td&gt;&lt;td&gt;cancelar el lote&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;A / R / F2&lt;/td&gt;&lt;td&gt;aceptar / rechazar / editar los resultados seleccionados&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Intro&lt;/td&gt;&lt;td&gt;mostrar el resultado seleccionado en su página&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Z / Ctrl+Mayús+Z&lt;/td&gt;&lt;td&gt;deshacer / rehacer una revisión&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Re Pág / Av Pág&lt;/td&gt;&lt;td&gt;página anterior / siguiente&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl++ / Ctrl+- / Ctrl+rueda&lt;/td&gt;&lt;td&gt;zoom&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+2 / Ctrl+0&lt;/td&gt;&lt;td&gt;ajustar al ancho / ajustar a la página&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Esc&lt;/td&gt;&lt;td&gt;borrar la selección en la página&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>ClauseLens Help</source>
        <translation>Ayuda de ClauseLens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help text</source>
        <translation>Texto de ayuda</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::LibraryEditor</name>
    <message>
        <location filename="../app/gui/library_editor.cpp" line="+168"/>
        <source>Clause categories</source>
        <translation>Categorías de cláusulas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a clause library</source>
        <translation>Importar una biblioteca de cláusulas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the clause library</source>
        <translation>Exportar la biblioteca de cláusulas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a category</source>
        <translation>Añadir una categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected categories</source>
        <translation>Quitar las categorías seleccionadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to &amp;CUAD</source>
        <translation>Restablecer a &amp;CUAD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset to the CUAD default library</source>
        <translation>Restablecer la biblioteca CUAD predeterminada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the library with CUAD&apos;s 41 categories</source>
        <translation>Sustituir la biblioteca por las 41 categorías de CUAD</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not changed: %1</source>
        <translation>Sin cambios: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Imported %n categories.</source>
        <translation>
            <numerusform>Se importó %n categoría.</numerusform>
            <numerusform>Se importaron %n categorías.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not import the library: %1</source>
        <translation>No se pudo importar la biblioteca: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The library is not valid: %1</source>
        <translation>La biblioteca no es válida: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n categories to %1.</source>
        <translation>
            <numerusform>Se exportó %n categoría a %1.</numerusform>
            <numerusform>Se exportaron %n categorías a %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import clause library</source>
        <translation>Importar biblioteca de cláusulas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Clause libraries (*.json)</source>
        <translation>Bibliotecas de cláusulas (*.json)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Export clause library</source>
        <translation>Exportar biblioteca de cláusulas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A library needs at least one category.</source>
        <translation>Una biblioteca necesita al menos una categoría.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Removed %n categories.</source>
        <translation>
            <numerusform>Se quitó %n categoría.</numerusform>
            <numerusform>Se quitaron %n categorías.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The library is CUAD&apos;s default again.</source>
        <translation>La biblioteca vuelve a ser la predeterminada de CUAD.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1 — %n categories, %2 fields</source>
        <translation>
            <numerusform>%1 — %n categoría, %2 campos</numerusform>
            <numerusform>%1 — %n categorías, %2 campos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unnamed library</source>
        <translation>Biblioteca sin nombre</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::LibraryTableModel</name>
    <message>
        <location line="-307"/>
        <source>New category</source>
        <translation>Nueva categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New category %1</source>
        <translation>Nueva categoría %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Describe the clause so that the model can recognise it.</source>
        <translation>Describa la cláusula de forma que el modelo pueda reconocerla.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="+100"/>
        <source>Choose a model…</source>
        <translation>Elegir un modelo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the model settings</source>
        <translation>Abrir la configuración del modelo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the running batch&apos;s current step…</source>
        <translation>Esperando al paso actual del lote en curso…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Extraction is running. Stop it and quit?

Everything finished so far is kept, and the batch continues where it stopped when you add the files again.</source>
        <translation>La extracción está en curso. ¿Detenerla y salir?

Todo lo terminado hasta ahora se conserva, y el lote continuará donde se detuvo cuando vuelva a añadir los archivos.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent &amp;Files</source>
        <translation>Archivos &amp;recientes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent &amp;Databases</source>
        <translation>Bases de datos recien&amp;tes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>E&amp;xtraction</source>
        <translation>E&amp;xtracción</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
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
        <translation>Documentos</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open PDF Files…</source>
        <translation>&amp;Abrir archivos PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Database…</source>
        <translation>&amp;Nueva base de datos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Database…</source>
        <translation>Abrir base de &amp;datos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Results…</source>
        <translation>&amp;Exportar resultados…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in Results</source>
        <translation>&amp;Buscar en los resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract &amp;All Documents</source>
        <translation>Extraer &amp;todos los documentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract This &amp;Document</source>
        <translation>Extraer este &amp;documento</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+71"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+71"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>&amp;Cancel Batch</source>
        <translation>&amp;Cancelar lote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Width</source>
        <translation>Ajustar al anc&amp;ho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Page</source>
        <translation>Ajustar a la &amp;página</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Page</source>
        <translation>Página &amp;siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;vious Page</source>
        <translation>Página an&amp;terior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClauseLens &amp;Help</source>
        <translation>&amp;Ayuda de ClauseLens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ClauseLens</source>
        <translation>A&amp;cerca de ClauseLens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No model is set.&lt;/b&gt; Documents are still read, segmented and searchable. To extract clauses, choose a GGUF model (for example Qwen2.5-3B-Instruct at Q4_K_M) in Edit → Settings → Model.</source>
        <translation>&lt;b&gt;No hay ningún modelo configurado.&lt;/b&gt; Los documentos se siguen leyendo, segmentando y se pueden buscar. Para extraer cláusulas, elija un modelo GGUF (por ejemplo, Qwen2.5-3B-Instruct en Q4_K_M) en Editar → Configuración → Modelo.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1% · ETA %2 · %3 tokens/s · %4</source>
        <translation>%1% · Tiempo restante %2 · %3 tokens/s · %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1% · %2</source>
        <translation>%1% · %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the model</source>
        <translation>Cargando el modelo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1
The model is loaded onto the device and the clause library&apos;s prompt is evaluated once.</source>
        <translation>%1
El modelo se carga en el dispositivo y la instrucción de la biblioteca de cláusulas se evalúa una vez.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The clause is stored as an accepted result.</source>
        <translation>La cláusula se ha almacenado como resultado aceptado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Storing the result</source>
        <translation>Almacenando el resultado</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Opening the database</source>
        <translation>Abriendo la base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClauseLens cannot open %1:
%2</source>
        <translation>ClauseLens no puede abrir %1:
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
        <translation>Error al leer la base de datos: %1</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No model — choose one in Settings</source>
        <translation>Sin modelo — elija uno en la configuración</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Add PDF Contracts</source>
        <translation>Añadir contratos PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>Documentos PDF (*.pdf *.PDF)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a Folder of Contracts</source>
        <translation>Añadir una carpeta de contratos</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Open Database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>ClauseLens databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de datos de ClauseLens (*.db *.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+13"/>
        <source>Wait for the running batch to finish or cancel it first.</source>
        <translation>Espere a que termine el lote en curso o cancélelo primero.</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+7"/>
        <source>New Database</source>
        <translation>Nueva base de datos</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>ClauseLens databases (*.db)</source>
        <translation>Bases de datos de ClauseLens (*.db)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Quit ClauseLens</source>
        <translation>Salir de ClauseLens</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageHighlight</name>
    <message>
        <location filename="../app/gui/page_highlight.cpp" line="+43"/>
        <source>not reviewed</source>
        <translation>sin revisar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>edited</source>
        <translation>editado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Score: %2 %&lt;br&gt;Status: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Puntuación: %2 %&lt;br&gt;Estado: %3</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageRenderWorker</name>
    <message>
        <location filename="../app/gui/page_render_worker.cpp" line="+43"/>
        <source>“%1” cannot be shown: the file is missing, damaged or not a PDF.</source>
        <translation>No se puede mostrar «%1»: el archivo falta, está dañado o no es un PDF.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is encrypted: its password is needed to show it.</source>
        <translation>«%1» está cifrado: se necesita su contraseña para mostrarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password does not open “%1”.</source>
        <translation>La contraseña no abre «%1».</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The document has no page %1.</source>
        <translation>El documento no tiene página %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page %1 could not be rendered.</source>
        <translation>No se pudo representar la página %1.</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PageView</name>
    <message>
        <location filename="../app/gui/page_view.cpp" line="+62"/>
        <source>Page view</source>
        <translation>Vista de página</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xtract</source>
        <translation>E&amp;xtraer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the selected passage with the model (%1)</source>
        <translation>Clasificar el pasaje seleccionado con el modelo (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classify the passage selected on the page</source>
        <translation>Clasificar el pasaje seleccionado en la página</translation>
    </message>
    <message>
        <location line="+452"/>
        <source>No document</source>
        <translation>Ningún documento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page %1 of %2, zoom %3 %</source>
        <translation>Página %1 de %2, zoom %3 %</translation>
    </message>
    <message>
        <location filename="../app/gui/page_view_input.cpp" line="+167"/>
        <source>&amp;Classify clause</source>
        <translation>&amp;Clasificar cláusula</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Width</source>
        <translation>Ajustar al anc&amp;ho</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit &amp;Page</source>
        <translation>Ajustar a la &amp;página</translation>
    </message>
    <message>
        <location filename="../app/gui/page_view_paint.cpp" line="+103"/>
        <source>Drop PDF contracts here or use File → Open</source>
        <translation>Arrastre contratos PDF aquí o use Archivo → Abrir</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::PasswordDialog</name>
    <message>
        <location filename="../app/gui/password_dialog.cpp" line="+14"/>
        <source>Password Required</source>
        <translation>Se requiere contraseña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is encrypted. Enter its password to add it to the database.</source>
        <translation>«%1» está cifrado. Introduzca su contraseña para añadirlo a la base de datos.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password of %1</source>
        <translation>La contraseña de %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open with this password</source>
        <translation>Abrir con esta contraseña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip this file</source>
        <translation>Omitir este archivo</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsDetail</name>
    <message>
        <location filename="../app/gui/results_detail.cpp" line="+44"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This category has no fields.</source>
        <translation>Esta categoría no tiene campos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save fields</source>
        <translation>&amp;Guardar campos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Reject</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to &amp;model&apos;s answer</source>
        <translation>Volver a la respuesta del &amp;modelo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clause text</source>
        <translation>Texto de la cláusula</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept result</source>
        <translation>Aceptar resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result is right (A in the table)</source>
        <translation>El resultado es correcto (A en la tabla)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject result</source>
        <translation>Rechazar resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result is wrong (R in the table)</source>
        <translation>El resultado es incorrecto (R en la tabla)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset to the model&apos;s answer</source>
        <translation>Restablecer la respuesta del modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the review of this result and restore the model&apos;s fields</source>
        <translation>Deshacer la revisión de este resultado y restaurar los campos del modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save fields</source>
        <translation>Guardar campos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the corrected fields; the model&apos;s answer is kept</source>
        <translation>Almacenar los campos corregidos; la respuesta del modelo se conserva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert fields</source>
        <translation>Descartar cambios en los campos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the changes in the form</source>
        <translation>Descartar los cambios del formulario</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No result selected</source>
        <translation>Ningún resultado seleccionado</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, page %2</source>
        <translation>%1, página %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, page %2, %3</source>
        <translation>%1, página %2, %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Score: %1%</source>
        <translation>Puntuación: %1%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Names separated by ;</source>
        <translation>Nombres separados por ;</translation>
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
        <translation>Buscar en el texto de las cláusulas (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search results</source>
        <translation>Buscar en los resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-text search: words, &quot;exact phrases&quot;, AND, OR, NOT, prefix*</source>
        <translation>Búsqueda de texto completo: palabras, &quot;frases exactas&quot;, AND, OR, NOT, prefijo*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extraction run</source>
        <translation>Ejecución de extracción</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category filter</source>
        <translation>Filtro de categoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+99"/>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Document filter</source>
        <translation>Filtro de documento</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+105"/>
        <source>All documents</source>
        <translation>Todos los documentos</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum score</source>
        <translation>Puntuación mínima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide results the model is less confident about</source>
        <translation>Ocultar los resultados de los que el modelo está menos seguro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. &amp;score:</source>
        <translation>&amp;Puntuación mín.:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results shown</source>
        <translation>Resultados mostrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search note</source>
        <translation>Nota de búsqueda</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>All runs</source>
        <translation>Todas las ejecuciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run %1: %2 (%3)</source>
        <translation>Ejecución %1: %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n result(s)</source>
        <translation>
            <numerusform>%1 de %n resultado</numerusform>
            <numerusform>%1 de %n resultados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Status: all</source>
        <translation>Estado: todos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search failed: %1</source>
        <translation>Error en la búsqueda: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searched for the exact phrase (the text is not a search expression).</source>
        <translation>Se buscó la frase exacta (el texto no es una expresión de búsqueda).</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsModel</name>
    <message>
        <location filename="../app/gui/results_model.cpp" line="+168"/>
        <source>Model confidence %1</source>
        <translation>Confianza del modelo %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields edited by a reviewer; the model&apos;s answer is kept</source>
        <translation>Campos editados por un revisor; la respuesta del modelo se conserva</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heading</source>
        <translation>Encabezado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause</source>
        <translation>Cláusula</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unreviewed</source>
        <translation>Sin revisar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ResultsPanel</name>
    <message>
        <location filename="../app/gui/results_panel.cpp" line="+25"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Results table</source>
        <translation>Tabla de resultados</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The results could not be read: %1</source>
        <translation>No se pudieron leer los resultados: %1</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>&amp;Accept</source>
        <translation>&amp;Aceptar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject</source>
        <translation>&amp;Rechazar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit fields</source>
        <translation>&amp;Editar campos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the &amp;model&apos;s answer</source>
        <translation>Volver a la respuesta del &amp;modelo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show on page</source>
        <translation>Mo&amp;strar en la página</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::ReviewController</name>
    <message>
        <location filename="../app/gui/review_controller.cpp" line="+78"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The fields must be a JSON object such as {&quot;governing_law&quot;: &quot;Delaware&quot;}.</source>
        <translation>Los campos deben ser un objeto JSON como {&quot;governing_law&quot;: &quot;Delaware&quot;}.</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>Accept %n result(s)</source>
        <translation>
            <numerusform>Aceptar %n resultado</numerusform>
            <numerusform>Aceptar %n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reject %n result(s)</source>
        <translation>
            <numerusform>Rechazar %n resultado</numerusform>
            <numerusform>Rechazar %n resultados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit fields</source>
        <translation>Editar campos</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reset %n result(s) to the model&apos;s answer</source>
        <translation>
            <numerusform>Restablecer %n resultado a la respuesta del modelo</numerusform>
            <numerusform>Restablecer %n resultados a la respuesta del modelo</numerusform>
        </translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The review decision could not be saved: %1</source>
        <translation>No se pudo guardar la decisión de revisión: %1</translation>
    </message>
</context>
<context>
    <name>clauselens::gui::SettingsDialog</name>
    <message>
        <location filename="../app/gui/settings_dialog.cpp" line="+15"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings pages</source>
        <translation>Páginas de configuración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Device</source>
        <translation>&amp;Dispositivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clause &amp;library</source>
        <translation>&amp;Biblioteca de cláusulas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Performance</source>
        <translation>&amp;Rendimiento</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Model file</source>
        <translation>Archivo del modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A GGUF model file, e.g. Qwen2.5-3B-Instruct-Q4_K_M.gguf</source>
        <translation>Un archivo de modelo GGUF, p. ej. Qwen2.5-3B-Instruct-Q4_K_M.gguf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the model file</source>
        <translation>Elegir el archivo del modelo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture:</source>
        <translation>Arquitectura:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantization:</source>
        <translation>Cuantización:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters:</source>
        <translation>Parámetros:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context length:</source>
        <translation>Longitud de contexto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers:</source>
        <translation>Capas:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LoRA adapter file</source>
        <translation>Archivo del adaptador LoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a LoRA adapter GGUF fine-tuned for this model</source>
        <translation>Opcional: un adaptador LoRA GGUF ajustado para este modelo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the LoRA adapter file</source>
        <translation>Elegir el archivo del adaptador LoRA</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adapter scale</source>
        <translation>Escala del adaptador</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How strongly the adapter changes the model: 0 is the base model, 1 as trained.</source>
        <translation>Cuánto modifica el adaptador el modelo: 0 es el modelo base, 1 tal como se entrenó.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LoRA adapter</source>
        <translation>Adaptador LoRA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ile:</source>
        <translation>Arc&amp;hivo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Scale:</source>
        <translation>&amp;Escala:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vulkan device</source>
        <translation>Dispositivo Vulkan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Context size in tokens</source>
        <translation>Tamaño del contexto en tokens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions each segment&apos;s sequence may use: the clause library prompt, the segment and the answer.</source>
        <translation>Posiciones que puede usar la secuencia de cada segmento: el prompt de la biblioteca de cláusulas, el segmento y la respuesta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch size in segments</source>
        <translation>Tamaño del lote en segmentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> segments</source>
        <translation> segmentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segments decoded together. Larger batches are faster on a GPU and need more device memory.</source>
        <translation>Segmentos decodificados juntos. Los lotes más grandes son más rápidos en una GPU y necesitan más memoria del dispositivo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each segment of a contract is decoded with the clause library&apos;s prompt in front of it; its cache holds at most the context size in positions, and no more than the prompt, the segment and the answer need. The batch size is how many segments decode together: each one needs its own cache, so device memory grows with it.</source>
        <translation>Cada segmento de un contrato se decodifica precedido del prompt de la biblioteca de cláusulas; su caché contiene como máximo el tamaño del contexto en posiciones, y no más de lo que necesitan el prompt, el segmento y la respuesta. El tamaño del lote es cuántos segmentos se decodifican juntos: cada uno necesita su propia caché, por lo que la memoria del dispositivo crece con él.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Context size:</source>
        <translation>Tamaño del &amp;contexto:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Batch size:</source>
        <translation>Tamaño del &amp;lote:</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+151"/>
        <source>Automatic (the best device)</source>
        <translation>Automático (el mejor dispositivo)</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>The clause library in the settings could not be read, so the CUAD default is shown: %1</source>
        <translation>No se pudo leer la biblioteca de cláusulas de la configuración, por lo que se muestra la predeterminada de CUAD: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+37"/>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>No model chosen: extraction needs a GGUF model file.</source>
        <translation>Ningún modelo elegido: la extracción necesita un archivo de modelo GGUF.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%L1 tokens</source>
        <translation>%L1 tokens</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>This file cannot be used: %1</source>
        <translation>No se puede usar este archivo: %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No adapter: the base model runs as it is.</source>
        <translation>Sin adaptador: el modelo base se ejecuta tal cual.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: LoRA rank %2 on %3 matrices, alpha %4, for %5 models (%6).</source>
        <translation>%1: LoRA de rango %2 en %3 matrices, alfa %4, para modelos %5 (%6).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>It was made for %1 models, but the model is %2.</source>
        <translation>Se creó para modelos %1, pero el modelo es %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Looking for Vulkan devices…</source>
        <translation>Buscando dispositivos Vulkan…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not usable: %1)</source>
        <translation>(no utilizable: %1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (not found)</source>
        <translation>%1 (no encontrado)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Vulkan driver could be loaded: %1</source>
        <translation>No se pudo cargar ningún controlador Vulkan: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Vulkan device found. Install the Vulkan driver of your GPU, or Mesa&apos;s lavapipe (mesa-vulkan-drivers) to run on the CPU.</source>
        <translation>No se encontró ningún dispositivo Vulkan. Instale el controlador Vulkan de su GPU, o lavapipe de Mesa (mesa-vulkan-drivers) para ejecutar en la CPU.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n Vulkan device(s) found.</source>
        <translation>
            <numerusform>Se encontró %n dispositivo Vulkan.</numerusform>
            <numerusform>Se encontraron %n dispositivos Vulkan.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose a model to see how much device memory it needs.</source>
        <translation>Elija un modelo para ver cuánta memoria del dispositivo necesita.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With up to %L1 positions per segment and a batch of %2 segments the model needs about %3 of device memory%4.</source>
        <translation>Con hasta %L1 posiciones por segmento y un lote de %2 segmentos, el modelo necesita unos %3 de memoria del dispositivo%4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; %1 has %2</source>
        <translation>; %1 tiene %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model will not fit: it needs about %1, %2 has %3. Choose a smaller context or batch, a smaller quantization, or another device.</source>
        <translation>El modelo no cabrá: necesita unos %1 y %2 tiene %3. Elija un contexto o un lote más pequeño, una cuantización menor u otro dispositivo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The model was trained for at most %L1 tokens of context; the engine uses no more than that.</source>
        <translation>El modelo se entrenó para un máximo de %L1 tokens de contexto; el motor no usa más.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a model</source>
        <translation>Elegir un modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modelos GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a LoRA adapter</source>
        <translation>Elegir un adaptador LoRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GGUF adapters (*.gguf);;All files (*)</source>
        <translation>Adaptadores GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The clause library could not be saved to %1: %2</source>
        <translation>No se pudo guardar la biblioteca de cláusulas en %1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The model file cannot be used: %1</source>
        <translation>No se puede usar el archivo del modelo: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/application.cpp" line="+49"/>
        <source>Finds the clauses of PDF contracts with a language model on this computer.</source>
        <translation>Encuentra las cláusulas de contratos PDF con un modelo de lenguaje en este equipo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open this database (created if needed).</source>
        <translation>Abrir esta base de datos (se crea si es necesario).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF files or folders to add.</source>
        <translation>Archivos PDF o carpetas que añadir.</translation>
    </message>
</context>
</TS>

