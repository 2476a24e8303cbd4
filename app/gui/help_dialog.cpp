#include "gui/help_dialog.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace clauselens::gui {

QString HelpDialog::help_html() {
    return tr(
        "<h2>Working with ClauseLens</h2>"
        "<ol>"
        "<li><b>Add contracts.</b> Drop PDF files or whole folders on the window, or use File → "
        "Open PDF Files (Ctrl+O) / Open Folder (Ctrl+Shift+O). Each file is read once: adding it "
        "again does not duplicate it. Encrypted files ask for their password; scanned files "
        "without a text layer are marked <i>needs OCR</i>.</li>"
        "<li><b>Choose a model</b> once in Edit → Settings → Model: an instruction-tuned GGUF "
        "model such as Qwen2.5-3B-Instruct, Llama-3.2-3B-Instruct or Phi-3.5-mini-instruct at "
        "Q4_K_M, and optionally a fine-tuned LoRA adapter. Everything runs on this computer; "
        "no document leaves it.</li>"
        "<li><b>Extract.</b> With a model set, dropped contracts are extracted after they are "
        "read. The Batch panel shows each file's progress, the ETA and any errors; Pause and "
        "Cancel keep everything finished so far.</li>"
        "<li><b>Check one passage.</b> Drag a rectangle over a passage on the page and press "
        "Extract (or right-click → Classify clause): the categories and scores appear at once, "
        "and Accept stores the clause as a result.</li>"
        "<li><b>Review.</b> Click a result to see its clause highlighted on the page. Press A to "
        "accept, R to reject, F2 to edit its fields; Ctrl+Z undoes.</li>"
        "<li><b>Export</b> with File → Export Results (Ctrl+E): CSV for Excel or JSON, all "
        "results, accepted ones, or what the table shows.</li>"
        "</ol>"
        "<h3>Keyboard shortcuts</h3>"
        "<table cellpadding='3'>"
        "<tr><td>Ctrl+O / Ctrl+Shift+O</td><td>add PDF files / a folder</td></tr>"
        "<tr><td>Ctrl+E</td><td>export results</td></tr>"
        "<tr><td>Ctrl+F</td><td>search the results' clause text</td></tr>"
        "<tr><td>Ctrl+Shift+E / Ctrl+R</td><td>extract all documents / this document</td></tr>"
        "<tr><td>Ctrl+.</td><td>cancel the batch</td></tr>"
        "<tr><td>A / R / F2</td><td>accept / reject / edit the selected results</td></tr>"
        "<tr><td>Enter</td><td>show the selected result on its page</td></tr>"
        "<tr><td>Ctrl+Z / Ctrl+Shift+Z</td><td>undo / redo a review</td></tr>"
        "<tr><td>Page Up / Page Down</td><td>previous / next page</td></tr>"
        "<tr><td>Ctrl++ / Ctrl+- / Ctrl+wheel</td><td>zoom</td></tr>"
        "<tr><td>Ctrl+2 / Ctrl+0</td><td>fit width / fit page</td></tr>"
        "<tr><td>Esc</td><td>clear the selection on the page</td></tr>"
        "</table>");
}

HelpDialog::HelpDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("ClauseLens Help"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QTextBrowser(this);
    text->setAccessibleName(tr("Help text"));
    text->setHtml(help_html());
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(620, 560);
}

} // namespace clauselens::gui
