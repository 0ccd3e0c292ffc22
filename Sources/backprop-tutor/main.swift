// backprop-tutor: replays worked backpropagation examples and checks hand calculations.
// Everything but the process's start and exit lives in BackpropCLI.
import BackpropCLI
import Foundation

// A reader that goes away (`backprop-tutor walk ... | head -1`) ends the tool quietly, killed
// by SIGPIPE as `cat` and `git` are (a shell reports status 141). That is the default action;
// it is set here because a parent may have left SIGPIPE ignored, and then a write would fail
// with EPIPE and the tool would say so.
signal(SIGPIPE, SIG_DFL)
exit(BackpropCLI.main(Array(CommandLine.arguments.dropFirst())))
