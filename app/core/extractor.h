#pragma once
// The model side of extraction: for each contract segment, which clause
// categories it contains and the values of their fields, as a JSON answer
// that the answer schema enforces token by token (so it always parses), with
// a score per category from the model's probabilities.
//
// The system prompt with the clause library is the same for every segment:
// it is evaluated once into sequence 0 of the device model's cache and copied
// to each sequence that decodes a segment, and many segments decode together
// as one batch. No Qt here: the pipeline around it (store, progress) is
// extraction_run.h.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clauselens::core {

struct ExtractorOptions {
    std::filesystem::path model;
    std::vector<std::string> adapters;  // FILE[:SCALE], applied at run time
    std::string device;                 // vk:N or part of a name; empty: the best
    std::string chat_template;          // a template name; empty: the model's own
    uint32_t batch = 16;                // segments decoded together
    uint32_t max_segment_tokens = 1024; // longer segments are cut (and said so)
    uint32_t max_answer_tokens = 192;
    // Positions per sequence (prompt, segment and answer) the device keeps,
    // which is what the cache's memory grows with; segments are cut to fit.
    // 0: as many as the prompt, max_segment_tokens and the answer need.
    uint32_t context = 0;
    bool share_prefix = true;  // false: evaluate the system prompt for every segment
    double score_floor = 0.01; // scores below are not reported
};

// What the prompts and the answer schema are made of (ClauseLibrary gives
// them; kept as text so the engine side needs no Qt).
struct ExtractionPrompt {
    std::string system;                  // the system message, library included
    std::string user;                    // the user message, with "{{segment}}"
    std::string answer_schema;           // JSON schema of the answer
    std::vector<std::string> categories; // category names, as in the schema's enum

    // The user message for one segment, exactly as the model is prompted
    // with it (fine-tuning data is written with the same text).
    std::string user_message(std::string_view segment) const;
};

struct CategoryScore {
    std::string category;
    double score = 0; // probability of writing this category where the list offers it
    bool chosen = false;
};

struct SegmentAnswer {
    std::string json;                          // the answer document
    bool complete = false;                     // false: cut by the token budget
    std::vector<std::string> categories;       // chosen, in the answer's order
    std::map<std::string, std::string> fields; // field key -> its JSON value
    std::vector<CategoryScore> scores;         // chosen ones and others above the floor
    uint32_t prompt_tokens = 0;                // tokens evaluated for this segment
    uint32_t answer_tokens = 0;
    bool truncated = false; // the segment was longer than max_segment_tokens
};

class Extractor {
public:
    // Loads the model (and adapters) onto the device and evaluates the shared
    // prefix. Throws with a message naming what is wrong (file, device
    // memory, adapter, schema).
    Extractor(const ExtractorOptions& options, const ExtractionPrompt& prompt);
    ~Extractor();
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    // Answers for each segment, in order. Stops early (returning the answers
    // of the segments finished so far) when `cancel` becomes true.
    std::vector<SegmentAnswer> extract(const std::vector<std::string>& segments,
                                       const std::atomic<bool>* cancel = nullptr);

    // One passage with the least latency: the prefix is already cached.
    SegmentAnswer classify(const std::string& text);

    // Called by extract() between two batches of segments, when no sequence
    // but the shared prefix is in the cache: there a front end may run
    // classify() for a user waiting on a click, or pause, instead of waiting
    // for the whole list. Empty (the default): nothing is called.
    void set_between_batches(std::function<void()> fn);

    // "name (arch, type), device" for run records and status lines.
    std::string description() const;
    std::string model_name() const;
    uint32_t prefix_tokens() const;
    // Seconds the construction spent evaluating the shared prefix (0 without
    // prefix sharing): what loading costs beyond reading the model.
    double prefix_seconds() const;
    // Tokens evaluated (prompts and answers) since construction.
    uint64_t tokens_evaluated() const;

private:
    struct State;
    std::unique_ptr<State> s_;
};

} // namespace clauselens::core
