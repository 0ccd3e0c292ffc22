// backprop-tutor: replays worked backpropagation examples and checks hand calculations.
// Everything but the process's exit lives in BackpropCLI.
import BackpropCLI
import Foundation

exit(BackpropCLI.main(Array(CommandLine.arguments.dropFirst())))
