#pragma once
// What an extraction is made of, built the same way by every front end (the
// CLI's extract and classify, the GUI): the prompts with the clause library
// written in, and the settings a run records so that its results stay
// interpretable after the library or the prompts change.

#include "core/clause_library.h"
#include "core/extraction_run.h"
#include "core/extractor.h"
#include "core/store.h"

#include <QStringList>
#include <vector>

namespace clauselens::core {

// The system prompt with the library, the user prompt, the answer schema and
// the category names.
ExtractionPrompt extraction_prompt(const ClauseLibrary& library);

// The run record: model file and name, adapters, library, prompts and the
// options that change answers; the field keys of each category.
ExtractionRunSettings extraction_run_settings(const ClauseLibrary& library,
                                              const ExtractorOptions& options,
                                              const Extractor& extractor);

// The stored documents with a text layer among `files` (by content), in the
// order given, each once; every stored one with a text layer if files is empty.
std::vector<qint64> documents_with_text(const Store& store, const QStringList& files);

} // namespace clauselens::core
