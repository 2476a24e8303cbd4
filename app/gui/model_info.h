#pragma once
// What the settings dialog shows about a model file, a LoRA adapter and the
// Vulkan devices, read without loading anything onto a device.
//
// read_model_info() and read_adapter_info() map the GGUF file and read its
// header, metadata and tensor table through the engine's bounds-checked
// reader: a damaged or hostile file gives a message in `error`, never a crash
// or a huge allocation. They touch no tensor data, so a 2 GB model is read in
// milliseconds; the dialog still calls them from a worker thread because a
// file on a slow network share may not be.
//
// list_devices() creates a Vulkan instance, which can take a second or more
// (drivers load and probe their hardware): call it from a worker thread.

#include <QString>
#include <QtGlobal>
#include <vector>

namespace clauselens::core {
struct ClauseLibrary;
}

namespace clauselens::gui {

struct ModelInfo {
    QString path;
    QString name;         // general.name, or the file name when it has none
    QString architecture; // general.architecture: "llama", "qwen2", "phi3", ...
    // The file type users know from model hubs: "Q4_K_M", "Q8_0", "F16"
    // (from general.file_type), else from the tensor types: "Q8_0" when every
    // matrix has that type, "mostly Q4_K" when most of the matrix bytes do.
    QString quantization;
    qint64 file_size = 0;
    qint64 parameters = 0;  // elements of all tensors
    int context_length = 0; // <arch>.context_length: the longest context it was trained for
    int layers = 0;         // <arch>.block_count
    int embedding = 0;      // <arch>.embedding_length
    // What the memory estimate needs beyond the above.
    int heads = 0;           // <arch>.attention.head_count
    int kv_heads = 0;        // <arch>.attention.head_count_kv (= heads without it)
    int kv_dim = 0;          // kv_heads * (embedding / heads), or key_length * kv_heads
    int feed_forward = 0;    // <arch>.feed_forward_length
    int vocabulary = 0;      // tokens of the vocabulary
    qint64 weight_bytes = 0; // tensor bytes the device holds (all but the embedding table)
    QString error;           // non-empty: the file cannot be used, and why

    bool ok() const { return error.isEmpty(); }
};

ModelInfo read_model_info(const QString& gguf_path);

// A LoRA adapter file (general.type = adapter, adapter.type = lora).
struct AdapterInfo {
    QString path;
    QString name;
    QString base_architecture; // general.architecture: must match the model's
    double alpha = 0;          // adapter.lora.alpha; 0 when the file has none
    int rank = 0;              // rows of the first lora_a matrix
    int matrices = 0;          // adapted matrices (pairs of lora_a and lora_b)
    qint64 file_size = 0;
    QString error; // non-empty: not a usable adapter, and why

    bool ok() const { return error.isEmpty(); }
};

AdapterInfo read_adapter_info(const QString& gguf_path);

// One Vulkan device, as the device combo box lists it.
struct DeviceChoice {
    QString id;              // "vk:N", what --device and the engine settings take
    QString name;            // the driver's name of the device
    qint64 memory_bytes = 0; // the largest device-local heap
    bool discrete = false;
    bool usable = true;
    QString unsupported_reason; // why the engine cannot run on it, when !usable
};

// The devices the Vulkan loader reports, in the engine's order. Returns an
// empty list when there is no Vulkan driver (and sets *error, when given, to
// the reason). Slow: call it from a worker thread.
std::vector<DeviceChoice> list_devices(QString* error = nullptr);

// Device memory the extraction engine needs for this model, in bytes:
//
//   weights      weight_bytes (the tensors as stored; the token embedding
//                table stays in host memory unless it doubles as the output
//                matrix)
//   KV cache     2 (K and V) * layers * (batch + 1) sequences * context
//                positions * kv_dim * 2 bytes (F16); one sequence more than
//                the batch holds the shared prompt prefix
//   activations  512 tokens per pass * ((5 * embedding + 2 * kv_dim +
//                2 * feed_forward) * 4 + (embedding + 4) * 4)
//                + batch logit rows * (2 * embedding + vocabulary) * 4
//
// the same terms as the engine's own estimate (model::VkModel::estimate) with
// the extractor's options, using the context size as positions per sequence
// (the extractor uses at most that many). 0 for a model that could not be read.
qint64 estimated_device_bytes(const ModelInfo& info, int context, int batch);

// Positions per sequence the extractor sizes its KV cache for with this
// library, as core::Extractor does: the prompt with the library (counted as
// one token per 3 bytes of text, which errs high: real vocabularies average
// nearer 4 bytes per token), a segment of up to 1024 tokens and an answer of
// up to 192. The dialog passes the smaller of this and the context setting
// to estimated_device_bytes().
int extraction_positions(const core::ClauseLibrary& library);

// 1536 -> "1.5 KiB"; for labels.
QString format_bytes(qint64 bytes);
// 3212749824 -> "3.21 B"; for labels.
QString format_count(qint64 count);

} // namespace clauselens::gui
