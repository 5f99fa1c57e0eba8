// The operator's commands: `ordergate <command> ...` works on the database in
// --data, next to a running server or without one. Without a command,
// ordergate serves.
#pragma once

namespace og::app {

// True when argv names a command (its first argument is not an option).
bool is_command(int argc, char** argv);
// Runs the command; returns the process's exit status.
int run_command(int argc, char** argv);

}  // namespace og::app
