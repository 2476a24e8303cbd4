#pragma once
// What the engine worker reports to the GUI thread through queued signals:
// the answer to one point-and-click classification and the state of a
// running extraction. Plain values, registered as metatypes.

#include <QMap>
#include <QMetaType>
#include <QPair>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>
#include <vector>

namespace clauselens::gui {

// The model's answer for the words inside a rectangle of a page.
struct ClassifyResult {
    qint64 document_id = 0;
    int page = 0;                           // 0-based
    QRectF rect;                            // the selection, in page points
    QString text;                           // the passage the model read
    std::optional<qint64> segment_id;       // the stored segment holding most of it
    QStringList categories;                 // chosen, in the answer's order
    QMap<QString, QString> fields;          // field key -> its JSON value
    QVector<QPair<QString, double>> scores; // category -> score, chosen and above the floor
    bool complete = false;                  // false: the answer was cut by the token budget
    double seconds = 0;                     // from the request to the answer, waiting included
    QString json;                           // the model's answer document
};

// A running extraction, after each batch of segments.
struct ExtractionStatus {
    int documents_done = 0;
    int documents_total = 0;
    qint64 segments_done = 0;
    qint64 segments_total = 0;
    double tokens_per_second = 0;
    double eta_seconds = -1; // -1: not known yet
    qint64 document_id = 0;  // the document being read
    double document_fraction = 0;
    QString current; // its title
};

// A duration as the batch shows it: "1:23", or "1:02:03" from an hour on.
QString clock_text(double seconds);

// Registers the types above (and std::vector<qint64>) for queued signals;
// safe to call more than once.
void register_engine_types();

} // namespace clauselens::gui

Q_DECLARE_METATYPE(clauselens::gui::ClassifyResult)
Q_DECLARE_METATYPE(clauselens::gui::ExtractionStatus)
Q_DECLARE_METATYPE(std::vector<qint64>)
