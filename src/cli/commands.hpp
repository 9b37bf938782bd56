// The subcommands of the kare tool. Each takes its parsed arguments, writes
// to `out`, and returns the process exit status.
#ifndef KARE_CLI_COMMANDS_HPP
#define KARE_CLI_COMMANDS_HPP

#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kare::cli {

/// Exit statuses.
enum exit_status : int { exit_ok = 0, exit_bad_input = 1, exit_usage = 2 };

/// A misuse of the command line found by a command (a value its option
/// cannot take): exit status 2 with the command's usage, like a parsing error.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Options and operands of one invocation.
struct arguments {
    std::vector<std::string> operands;                    ///< Positional arguments.
    std::map<std::string, std::optional<std::string>> options; ///< `--name[=value]`.

    bool flag(const std::string& name) const { return options.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const
    {
        auto it = options.find(name);
        return it == options.end() ? std::nullopt : it->second;
    }
};

/// One subcommand.
struct command {
    const char* name;
    const char* usage;
    const char* summary;
    std::vector<std::string> value_options; ///< Options that take a value.
    std::vector<std::string> flag_options;  ///< Options that take none.
    int (*run)(const arguments&, std::ostream& out);
    bool many_operands = false; ///< Takes one or more files rather than one plan.
    std::vector<std::string> required_options = {}; ///< Value options that must be given.
};

/// Every subcommand.
const std::vector<command>& commands();

} // namespace kare::cli

#endif
