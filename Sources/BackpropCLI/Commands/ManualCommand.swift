/// `backprop-tutor manual`: the man page, in roff.
struct ManualCommand: Command {
  static let configuration = CommandConfiguration(
    name: "manual",
    abstract: "Print the manual page (roff), made from the same declarations as the help.",
    overview: "Print the manual page in roff, for man: every subcommand with its arguments and options, and the exit statuses.",
    examples: ["backprop-tutor manual | man -l -", "backprop-tutor manual > ~/.local/share/man/man1/backprop-tutor.1"])

  init(_ arguments: ParsedArguments) throws {}

  func run() throws -> Int32 {
    Console.out(ManualPage.page())
    return 0
  }
}
