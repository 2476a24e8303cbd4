// The vocabulary the CLI tests use (tests/data/tokenizer/contracts-bpe-1000.gguf):
// how it is made, and that it still tokenizes like the model it was made from.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "spm_test_util.h"
#include "tokenizer/spm_gguf.h"
#include "tokenizer/spm_model_file.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace clauselens;
using namespace clauselens::tokenizer;
using namespace clauselens::tokenizer::test;

namespace {

const std::filesystem::path k_fixture =
    std::filesystem::path(CLAUSELENS_TEST_DATA_DIR) / "tokenizer" / "contracts-bpe-1000.gguf";

const std::string k_fixture_options =
    "--model_type=bpe --vocab_size=1000 --byte_fallback=true --split_digits=true "
    "--allow_whitespace_only_pieces=true --normalization_rule_name=identity "
    "--remove_extra_whitespaces=false --unk_id=0 --bos_id=1 --eos_id=2";

} // namespace

// Hidden: run `test_tokenizer "[.write-fixture]"` to write the file again.
TEST_CASE("spm: write the CLI test vocabulary", "[.write-fixture]") {
    const std::string serialized = train_model(k_fixture_options);
    gguf::GgufWriter writer;
    writer.add_string("general.architecture", "llama");
    writer.add_string("general.name", "contracts-bpe-1000");
    writer.add_string("general.description",
                      "A 1000-token sentencepiece BPE vocabulary trained on CUAD contract text "
                      "for the tokenizer tests of ClauseLens; no weights.");
    write_spm_vocab(writer, read_spm_model(serialized).vocab);
    writer.write_file(k_fixture);
}

TEST_CASE("spm: the CLI test vocabulary tokenizes like a freshly trained model",
          "[tokenizer][spm]") {
    const gguf::GgufFile file = gguf::GgufFile::open(k_fixture);
    const Tokenizer tok = Tokenizer::from_gguf(file);
    CHECK(tok.vocab_size() == 1000);
    const Reference ref(train_model(k_fixture_options));
    for (const std::string& s : llama_test_strings()) {
        INFO(s);
        CHECK(tok.encode(s, false) == ref.encode(s));
    }
}
