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
  /// 65 data, 66 no input, 73 cannot write, 74 stdout cannot be written) with
  /// `Error: ...` on stderr.
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
  /// Help and the version go to stdout through `Console`, so a failed write exits 74.
  static func run(_ arguments: [String]) throws -> Int32 {
    guard let name = arguments.first else {
      Console.out(CommandRegistry.overview + "\n")
      return 0
    }
    let rest = Array(arguments.dropFirst())
    let command = CommandRegistry.command(named: name)
    // `--help` after `--` is a value, not a request for help.
    let options = rest.prefix { $0 != "--" }
    if let command, options.contains("--help") || options.contains("-h") {
      Console.out(HelpFormatter.help(for: command.configuration) + "\n")
      return 0
    }
    switch name {
    case "--help", "-h":
      Console.out(CommandRegistry.overview + "\n")
      return 0
    case "--version":
      Console.out(CommandRegistry.version + "\n")
      return 0
    default:
      guard let command else { throw Failure.usage("unknown subcommand '\(Failure.quoted(name))'", command: nil) }
      let parsed = try ParsedArguments(rest, for: command.configuration)
      return try command.init(parsed).run()
    }
  }
}
