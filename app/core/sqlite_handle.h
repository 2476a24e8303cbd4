#pragma once
// RAII owners for SQLite handles, used only inside the store (store.cpp):
// nothing else in ClauseLens includes sqlite3.h. Every failing call becomes a
// StoreError whose message names the database and says what the user can do.

#include "core/store.h"

#include <QByteArray>
#include <QString>
#include <sqlite3.h>

namespace clauselens::core::sqlite {

// An open connection. Owns the sqlite3 handle; not copyable, movable.
class Db {
public:
    Db() = default;
    // flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, or SQLITE_OPEN_READONLY.
    Db(const QString& path, int flags);
    Db(Db&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }
    Db& operator=(Db&& other) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    sqlite3* get() const { return db_; }
    const QString& path() const { return path_; }

    // Runs one or more statements that return no rows of interest.
    void exec(const char* sql) const;
    // The first column of the first row of a one-row query (a PRAGMA, a count).
    qint64 scalar(const char* sql) const;
    QString scalar_text(const char* sql) const;

    // Throws the StoreError for result code rc; `doing` says what was attempted.
    [[noreturn]] void fail(int rc, const char* doing) const;

private:
    sqlite3* db_ = nullptr;
    QString path_;
};

// A prepared statement. Binding indices are 1-based, column indices 0-based,
// as in SQLite.
class Stmt {
public:
    Stmt(const Db& db, const char* sql);
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    Stmt& bind(int i, const QString& text);
    Stmt& bind(int i, const char* text);
    Stmt& bind(int i, qint64 value);
    Stmt& bind(int i, int value) { return bind(i, static_cast<qint64>(value)); }
    Stmt& bind(int i, double value);
    Stmt& bind_blob(int i, const QByteArray& bytes);
    Stmt& bind_null(int i);

    // Advances: true while there is a row, false when done.
    bool step();
    // Steps a statement that returns no rows (INSERT, UPDATE, DELETE).
    void run();
    void reset();

    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    qint64 int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    QString text(int col) const;
    QByteArray blob(int col) const;

private:
    const Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
    QByteArray sql_; // for error messages
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() was called (an
// exception on the way out leaves the database as it was). IMMEDIATE takes the
// write lock at once, so two writers wait (busy timeout) instead of failing
// halfway with SQLITE_BUSY on lock upgrade.
class Transaction {
public:
    explicit Transaction(const Db& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    const Db& db_;
    bool done_ = false;
};

} // namespace clauselens::core::sqlite
