#include "core/sqlite_handle.h"

#include <QFileInfo>

namespace clauselens::core::sqlite {

namespace {

std::string message(const QString& text) {
    return text.toStdString();
}

} // namespace

Db::Db(const QString& path, int flags) : path_(path) {
    const QByteArray utf8 = path.toUtf8();
    const int rc = sqlite3_open_v2(utf8.constData(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        // The handle exists even when opening failed; free it before throwing
        // (the destructor does not run for a constructor that throws).
        sqlite3_close_v2(db_);
        db_ = nullptr;
        fail(rc, "open");
    }
    sqlite3_extended_result_codes(db_, 1);
}

Db& Db::operator=(Db&& other) noexcept {
    if (this != &other) {
        if (db_ != nullptr) {
            sqlite3_close_v2(db_);
        }
        db_ = other.db_;
        path_ = std::move(other.path_);
        other.db_ = nullptr;
    }
    return *this;
}

Db::~Db() {
    if (db_ != nullptr) {
        sqlite3_close_v2(db_);
    }
}

void Db::exec(const char* sql) const {
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    sqlite3_free(error); // sqlite3_errmsg() still has it
    if (rc != SQLITE_OK) {
        fail(rc, sql);
    }
}

qint64 Db::scalar(const char* sql) const {
    Stmt s(*this, sql);
    return s.step() ? s.int64(0) : 0;
}

QString Db::scalar_text(const char* sql) const {
    Stmt s(*this, sql);
    return s.step() ? s.text(0) : QString();
}

void Db::fail(int rc, const char* doing) const {
    const QString detail = db_ != nullptr ? QString::fromUtf8(sqlite3_errmsg(db_))
                                          : QString::fromUtf8(sqlite3_errstr(rc));
    const QString where = QFileInfo(path_).absoluteFilePath();
    switch (rc & 0xff) {
    case SQLITE_FULL:
        throw StoreError(
            message(QStringLiteral(
                        "the disk is full (or the database reached its size limit) while writing "
                        "%1: nothing of this step was stored; free some space and run again")
                        .arg(where)));
    case SQLITE_READONLY:
        throw StoreError(message(
            QStringLiteral("database %1 is read-only: check the permissions of the file and its "
                           "folder, or open it only to search and export (%2)")
                .arg(where, detail)));
    case SQLITE_CANTOPEN:
        throw StoreError(message(
            QStringLiteral("cannot open database %1: the file or its folder does not exist or is "
                           "not accessible (%2)")
                .arg(where, detail)));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw StoreError(
            message(QStringLiteral("%1 is not a ClauseLens database or is damaged (%2); "
                                   "restore it from a backup or choose another file")
                        .arg(where, detail)));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StoreError(message(
            QStringLiteral("database %1 is busy: another ClauseLens process has been writing to it "
                           "for too long; try again when it has finished")
                .arg(where)));
    case SQLITE_IOERR:
        throw StoreError(
            message(QStringLiteral("input/output error on database %1 (%2): check the disk")
                        .arg(where, detail)));
    case SQLITE_PERM:
    case SQLITE_AUTH:
        throw StoreError(
            message(QStringLiteral("no permission to use database %1 (%2)").arg(where, detail)));
    default:
        throw StoreError(message(QStringLiteral("database %1: %2 failed: %3")
                                     .arg(where, QString::fromUtf8(doing).simplified(), detail)));
    }
}

Stmt::Stmt(const Db& db, const char* sql) : db_(db), sql_(sql) {
    const int rc = sqlite3_prepare_v2(db.get(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        db.fail(rc, sql);
    }
}

Stmt::~Stmt() {
    sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int i, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    const int rc =
        sqlite3_bind_text64(stmt_, i, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        db_.fail(rc, sql_.constData());
    }
    return *this;
}

Stmt& Stmt::bind(int i, const char* text) {
    return bind(i, QString::fromUtf8(text));
}

Stmt& Stmt::bind(int i, qint64 value) {
    const int rc = sqlite3_bind_int64(stmt_, i, value);
    if (rc != SQLITE_OK) {
        db_.fail(rc, sql_.constData());
    }
    return *this;
}

Stmt& Stmt::bind(int i, double value) {
    const int rc = sqlite3_bind_double(stmt_, i, value);
    if (rc != SQLITE_OK) {
        db_.fail(rc, sql_.constData());
    }
    return *this;
}

Stmt& Stmt::bind_blob(int i, const QByteArray& bytes) {
    const int rc = sqlite3_bind_blob64(stmt_, i, bytes.constData(),
                                       static_cast<sqlite3_uint64>(bytes.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) {
        db_.fail(rc, sql_.constData());
    }
    return *this;
}

Stmt& Stmt::bind_null(int i) {
    const int rc = sqlite3_bind_null(stmt_, i);
    if (rc != SQLITE_OK) {
        db_.fail(rc, sql_.constData());
    }
    return *this;
}

bool Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    db_.fail(rc, sql_.constData());
}

void Stmt::run() {
    while (step()) {
    }
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

QString Stmt::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    return p != nullptr ? QString::fromUtf8(p, n) : QString();
}

QByteArray Stmt::blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    return p != nullptr ? QByteArray(static_cast<const char*>(p), n) : QByteArray();
}

Transaction::Transaction(const Db& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        // After some errors (SQLITE_FULL, IOERR) SQLite has already rolled
        // back; then there is nothing to undo and the call fails harmlessly.
        if (sqlite3_get_autocommit(db_.get()) == 0) {
            sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace clauselens::core::sqlite
