import BackpropCore
import Foundation

// BackpropCLI: the command line of backprop-tutor. Each subcommand is a small type in
// Commands/ that declares its name, summary, arguments, options and examples once
// (Registry/); help, usage lines, the overview and the checking of arguments are
// generated from those declarations and from the one list in `CommandRegistry`. The
// commands load examples, ask BackpropCore for the mathematics and BackpropPresentation
// for the text, and decide where it goes (Support/: the terminal, files, exit statuses).

/// The tutor's command line, as one function the executable calls.
public enum BackpropCLI {
  /// Runs the tool with `arguments` (without the program's name) and returns its exit
  /// status: 0, 1 when `check` finds a difference, or a sysexits.h status (64 usage,
  /// 65 data, 66 no input, 73 cannot write) with `Error: ...` on stderr.
  public static func main(_ arguments: [String]) -> Int32 {
    do {
      return try run(arguments)
    } catch let failure as Failure {
      Console.err(failure.message + "\n")
      return failure.status
    } catch let error as ExampleError {
      Console.err("Error: \(error)\n")
      return 65
    } catch {
      // Every error should have become a Failure above; if one did not, still no trap.
      Console.err("Error: \(error)\n")
      return 70
    }
  }

  /// Finds the subcommand, answers `--help` for it, reads its arguments and runs it.
  static func run(_ arguments: [String]) throws -> Int32 {
    guard let name = arguments.first else {
      print(CommandRegistry.overview)
      return 0
    }
    let rest = Array(arguments.dropFirst())
    let command = CommandRegistry.command(named: name)
    if let command, rest.contains("--help") || rest.contains("-h") {
      print(HelpFormatter.help(for: command.configuration))
      return 0
    }
    switch name {
    case "--help", "-h":
      print(CommandRegistry.overview)
      return 0
    case "--version":
      print(CommandRegistry.version)
      return 0
    default:
      guard let command else { throw Failure.usage("unknown subcommand '\(name)'", command: nil) }
      let parsed = try ParsedArguments(rest, for: command.configuration)
      return try command.init(parsed).run()
    }
  }
}
