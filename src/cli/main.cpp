// kare: the command-line tool. Errors go to stderr as
// "kare: PATH: MESSAGE"; exit status 1 for bad input or a failed write, 2 for
// bad usage. Standard output is flushed and closed before the exit status is
// decided: a byte that did not reach it is an error.
#include "commands.hpp"

#include <kare/error.hpp>
#include <kare/version.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

namespace {

using kare::cli::arguments;
using kare::cli::command;

void usage(std::ostream& out)
{
    out << "usage: kare COMMAND [OPTIONS] [FILE]\n\ncommands:\n";
    for (const auto& c : kare::cli::commands())
        out << "  " << c.usage << "\n      " << c.summary << "\n";
    out << "  kare --version\n";
}

bool contains(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Parses `--name value`, `--name=value` and `--flag`; returns false on a misuse.
bool parse(const command& cmd, int argc, char** argv, arguments& args)
{
    for (int i = 2; i < argc; ++i) {
        std::string word = argv[i];
        if (word == "-o")
            word = "--output";
        if (word.rfind("--", 0) != 0 || word == "--") {
            args.operands.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        std::optional<std::string> value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (contains(cmd.value_options, name)) {
            if (!value) {
                if (i + 1 >= argc) {
                    std::cerr << "kare: --" << kare::detail::quoted(name) << " needs a value\n";
                    return false;
                }
                value = argv[++i];
            }
        } else if (!contains(cmd.flag_options, name) || value) {
            std::cerr << "kare " << cmd.name << ": unknown option --" << kare::detail::quoted(name)
                      << "\n";
            return false;
        }
        args.options[name] = value;
    }
    return true;
}

// Flushes and closes standard output; any byte lost on the way (a full disk,
// a closed pipe) turns `status` into a failure with the system's reason.
int finish_output(int status)
{
    errno = 0;
    std::cout.flush();
    bool lost = !std::cout || std::ferror(stdout) != 0;
    int reason = errno;
    if (std::fclose(stdout) != 0 && !lost) {
        lost = true;
        reason = errno;
    }
    if (!lost || status != kare::cli::exit_ok)
        return status; // a failure was reported already, maybe this very one
    std::cerr << "kare: cannot write the standard output: "
              << (reason != 0 ? std::strerror(reason) : "a write failed") << "\n";
    return kare::cli::exit_bad_input;
}

int run(int argc, char** argv);

} // namespace

int main(int argc, char** argv)
{
    return finish_output(run(argc, argv));
}

namespace {

int run(int argc, char** argv)
{
    if (argc < 2) {
        usage(std::cerr);
        return kare::cli::exit_usage;
    }
    const std::string name = argv[1];
    if (name == "--version") {
        std::cout << "kare " << KARE_VERSION_MAJOR << "." << KARE_VERSION_MINOR << "."
                  << KARE_VERSION_PATCH << "\n";
        return kare::cli::exit_ok;
    }
    if (name == "--help" || name == "-h" || name == "help") {
        usage(std::cout);
        return kare::cli::exit_ok;
    }
    const auto& all = kare::cli::commands();
    auto cmd = std::find_if(all.begin(), all.end(), [&](const command& c) { return name == c.name; });
    if (cmd == all.end()) {
        std::cerr << "kare: unknown command '" << kare::detail::quoted(name) << "'\n";
        usage(std::cerr);
        return kare::cli::exit_usage;
    }
    // `kare COMMAND --help` anywhere on the line: the command's usage, as
    // `kare --help` gives it, on standard output.
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
            std::cout << "usage: " << cmd->usage << "\n    " << cmd->summary << "\n";
            return kare::cli::exit_ok;
        }
    }
    arguments args;
    if (!parse(*cmd, argc, argv, args))
        return kare::cli::exit_usage;
    for (const auto& option : cmd->required_options) {
        if (!args.value(option)) {
            std::cerr << "kare " << cmd->name << ": --" << option << " is required\nusage: "
                      << cmd->usage << "\n";
            return kare::cli::exit_usage;
        }
    }
    const bool wants_file = std::string(cmd->usage).find("PLAN") != std::string::npos;
    const bool operands_ok = cmd->many_operands ? !args.operands.empty()
                                                : args.operands.size() == (wants_file ? 1u : 0u);
    if (!operands_ok) {
        std::cerr << "usage: " << cmd->usage << "\n";
        return kare::cli::exit_usage;
    }
    try {
        return cmd->run(args, std::cout);
    } catch (const kare::cli::usage_error& e) {
        std::cerr << "kare " << cmd->name << ": " << e.what() << "\nusage: " << cmd->usage << "\n";
        return kare::cli::exit_usage;
    } catch (const kare::error& e) {
        // A person reads this: the path names the record too (accounts[11] (LMN-012).owner).
        const std::string where = e.labelled_path();
        std::cerr << "kare: " << (where.empty() ? "" : where + ": ") << e.what() << "\n";
    } catch (const std::bad_alloc&) {
        std::cerr << "kare: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "kare: internal error: " << e.what() << "\n";
    }
    return kare::cli::exit_bad_input;
}

} // namespace
