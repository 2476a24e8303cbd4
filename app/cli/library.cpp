// clauselens-cli library: show, check, export and store clause libraries,
// and print the answer schema extraction derives from one.

#include "cli_args.h"
#include "commands.h"
#include "core/clause_library.h"
#include "core/store.h"

#include <QFile>
#include <QSaveFile>
#include <cstdio>
#include <optional>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli library <action> [options]\n"
    "\n"
    "A clause library lists the categories extraction looks for, with the\n"
    "descriptions the model reads and typed fields (text, date, duration,\n"
    "party_list, jurisdiction). The default is CUAD v1's 41 categories\n"
    "(The Atticus Project, CC BY 4.0), built into ClauseLens.\n"
    "\n"
    "actions:\n"
    "  show [SOURCE]                   the categories with their fields\n"
    "  export [SOURCE] -o L.json       write the library as JSON ('-o -': stdout)\n"
    "  validate L.json                 check a library file: 'ok: N categories, M fields'\n"
    "                                  or what is wrong and where (exit code 1)\n"
    "  schema [SOURCE]                 the JSON schema of the model's answer\n"
    "  save --db DB L.json [--name N]  store a library in the database under its\n"
    "                                  own name or N, replacing one of that name\n"
    "  list --db DB                    the libraries stored in the database\n"
    "\n"
    "SOURCE (default: the built-in CUAD library):\n"
    "  --library L.json                a library file\n"
    "  --db DB --name N                a library stored with 'library save'\n"
    "\n"
    "  --help                          show this help\n";

struct Options {
    std::string library_file;
    std::string db;
    std::string name;
    std::string output;
    std::vector<std::string> files;
};

Options parse_options(const Args& args) {
    Options o;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--library") {
            o.library_file = take_value(args, i);
        } else if (arg == "--db") {
            o.db = take_value(args, i);
        } else if (arg == "--name") {
            o.name = take_value(args, i);
        } else if (arg == "-o" || arg == "--output") {
            o.output = take_value(args, i);
        } else if (arg.size() > 1 && arg[0] == '-') {
            throw UsageError("unknown option '" + arg + "'");
        } else {
            o.files.push_back(arg);
        }
    }
    return o;
}

void refuse(bool present, const std::string& action, const std::string& what) {
    if (present) {
        throw UsageError("'library " + action + "' takes no " + what);
    }
}

// The library the options name: a file, a stored one, or the built-in one.
core::ClauseLibrary selected_library(const Options& o, const std::string& action) {
    refuse(!o.files.empty(), action, "file arguments; give a library file with --library");
    if (!o.library_file.empty()) {
        if (!o.db.empty() || !o.name.empty()) {
            throw UsageError("give either --library FILE or --db DB --name N, not both");
        }
        return core::ClauseLibrary::load_file(QString::fromStdString(o.library_file));
    }
    if (o.db.empty() != o.name.empty()) {
        throw UsageError("a stored library needs both --db DB and --name N");
    }
    if (o.db.empty()) {
        return core::ClauseLibrary::cuad_default();
    }
    const core::Store store = core::Store::open_read_only(QString::fromStdString(o.db));
    const QString name = QString::fromStdString(o.name);
    const std::optional<QByteArray> json = store.library(name);
    if (!json) {
        throw std::runtime_error("no clause library named '" + o.name + "' in " + o.db +
                                 " ('clauselens-cli library list --db " + o.db +
                                 "' shows those stored)");
    }
    try {
        return core::ClauseLibrary::from_json(*json);
    } catch (const core::ClauseLibraryError& e) {
        throw std::runtime_error("the library '" + o.name + "' stored in " + o.db +
                                 " is not valid: " + e.what());
    }
}

std::string counts(const core::ClauseLibrary& library) {
    const size_t n = library.categories.size();
    const size_t m = library.field_count();
    return std::to_string(n) + (n == 1 ? " category, " : " categories, ") + std::to_string(m) +
           (m == 1 ? " field" : " fields");
}

int show(const Options& o) {
    refuse(!o.output.empty(), "show", "-o");
    const core::ClauseLibrary library = selected_library(o, "show");
    std::string version;
    if (!library.version.isEmpty()) {
        version = " (version " + library.version.toStdString() + ")";
    }
    std::printf("%s%s: %s\n", library.name.toUtf8().constData(), version.c_str(),
                counts(library).c_str());
    if (!library.attribution.isEmpty()) {
        std::printf("%s\n", library.attribution.toUtf8().constData());
    }
    for (size_t i = 0; i < library.categories.size(); ++i) {
        const core::ClauseCategory& c = library.categories[i];
        const std::string group =
            c.group.isEmpty() ? std::string() : " [group " + c.group.toStdString() + "]";
        std::printf("\n%2zu. %s%s\n    %s\n", i + 1, c.name.toUtf8().constData(), group.c_str(),
                    c.description.toUtf8().constData());
        for (const core::FieldSpec& f : c.fields) {
            const std::string description =
                f.description.isEmpty() ? std::string() : ": " + f.description.toStdString();
            std::printf("    field %s (%s) \"%s\"%s\n", f.key.toUtf8().constData(),
                        core::field_type_name(f.type).toUtf8().constData(),
                        f.label.toUtf8().constData(), description.c_str());
        }
    }
    return 0;
}

int export_library(const Options& o) {
    if (o.output.empty()) {
        throw UsageError("missing -o L.json (use '-o -' for stdout)");
    }
    const QByteArray json = selected_library(o, "export").to_json();
    if (o.output == "-") {
        std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
        return 0;
    }
    // Written whole or not at all: never a half library a later run would refuse.
    QSaveFile out(QString::fromStdString(o.output));
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size() || !out.commit()) {
        throw std::runtime_error("cannot write " + o.output + ": " +
                                 out.errorString().toStdString());
    }
    std::fprintf(stderr, "wrote %s (%s)\n", o.output.c_str(),
                 counts(core::ClauseLibrary::from_json(json)).c_str());
    return 0;
}

int validate(const Options& o) {
    refuse(!o.library_file.empty() || !o.db.empty() || !o.name.empty() || !o.output.empty(),
           "validate", "options; give the file to check: library validate L.json");
    if (o.files.size() != 1) {
        throw UsageError("expected one library file: library validate L.json");
    }
    const core::ClauseLibrary library =
        core::ClauseLibrary::load_file(QString::fromStdString(o.files[0]));
    std::printf("ok: %s\n", counts(library).c_str());
    return 0;
}

int schema(const Options& o) {
    refuse(!o.output.empty(), "schema", "-o");
    std::printf("%s\n", selected_library(o, "schema").answer_schema().c_str());
    return 0;
}

int save(const Options& o) {
    refuse(!o.library_file.empty() || !o.output.empty(), "save",
           "--library or -o; give the file to store: library save --db DB L.json");
    if (o.db.empty()) {
        throw UsageError("missing --db DB");
    }
    if (o.files.size() != 1) {
        throw UsageError("expected one library file: library save --db DB L.json [--name N]");
    }
    const core::ClauseLibrary library =
        core::ClauseLibrary::load_file(QString::fromStdString(o.files[0]));
    const QString name = o.name.empty() ? library.name : QString::fromStdString(o.name);
    if (name.trimmed().isEmpty()) {
        throw UsageError("option --name: the name is empty");
    }
    core::Store store = core::Store::open(QString::fromStdString(o.db));
    // Stored in the canonical form, so that equal libraries compare equal byte for byte.
    store.save_library(name, library.to_json());
    std::printf("saved '%s' (%s) in %s\n", name.toUtf8().constData(), counts(library).c_str(),
                o.db.c_str());
    return 0;
}

int list(const Options& o) {
    refuse(!o.library_file.empty() || !o.name.empty() || !o.output.empty() || !o.files.empty(),
           "list", "options but --db DB");
    if (o.db.empty()) {
        throw UsageError("missing --db DB");
    }
    const core::Store store = core::Store::open_read_only(QString::fromStdString(o.db));
    const std::vector<QString> names = store.library_names();
    if (names.empty()) {
        std::fprintf(stderr, "no clause libraries stored in %s\n", o.db.c_str());
    }
    for (const QString& name : names) {
        std::string summary;
        try {
            summary = counts(core::ClauseLibrary::from_json(store.library(name).value_or("")));
        } catch (const core::ClauseLibraryError& e) {
            // Stored by an older version or by hand: list it, say what is wrong.
            summary = std::string("not valid: ") + e.what();
        }
        std::printf("%s\t%s\n", name.toUtf8().constData(), summary.c_str());
    }
    return 0;
}

} // namespace

int run_library(const Args& args) {
    if (args.empty()) {
        throw UsageError("missing action: show, export, validate, schema, save or list");
    }
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
    }
    const std::string& action = args[0];
    const Options o = parse_options(args);
    if (action == "show") {
        return show(o);
    }
    if (action == "export") {
        return export_library(o);
    }
    if (action == "validate") {
        return validate(o);
    }
    if (action == "schema") {
        return schema(o);
    }
    if (action == "save") {
        return save(o);
    }
    if (action == "list") {
        return list(o);
    }
    throw UsageError("unknown action '" + action +
                     "'; use show, export, validate, schema, save or list");
}

} // namespace clauselens::cli
