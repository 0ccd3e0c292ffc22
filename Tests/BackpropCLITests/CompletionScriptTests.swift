import Testing

@testable import BackpropCLI

/// The completion scripts and the manual come from the registry: every command and option
/// declared is in them, and so is one added tomorrow.
@Suite struct CompletionScriptTests {
  /// A command nobody has written yet, as another engineer would declare it.
  static let tomorrow = CommandConfiguration(
    name: "frobnicate", abstract: "Frobnicate an example.",
    arguments: [ArgumentDeclaration(name: "example", help: "An example.")],
    options: [
      .option("answer-key", "key-file", value: "file", help: "The key: [a] file, with 'quotes' and \\ and : in its help."),
      .flag("loudly", help: "Say it -- loudly."),
    ])

  @Test(arguments: CompletionScript.Shell.allCases)
  func everyDeclaredCommandAndOptionIsOffered(shell: CompletionScript.Shell) {
    let script = CompletionScript.script(for: shell)
    for command in CommandRegistry.commands.map({ $0.configuration }) {
      #expect(script.contains(command.name), "\(shell): \(command.name)")
      for name in command.options.flatMap(\.names) {
        #expect(script.contains(shell == .fish ? "-l '\(name)'" : "--\(name)"), "\(shell): \(command.name) --\(name)")
      }
    }
    for example in Completion.exampleNames { #expect(script.contains(example), "\(shell): \(example)") }
  }

  @Test(arguments: CompletionScript.Shell.allCases)
  func aCommandAddedTomorrowIsOfferedWithoutAnEditHere(shell: CompletionScript.Shell) {
    let commands = CommandRegistry.commands.map { $0.configuration } + [Self.tomorrow]
    let script = CompletionScript.script(for: shell, commands: commands)
    switch shell {
    case .bash:
      #expect(script.contains("    'frobnicate')\n"))
      #expect(script.contains("'--answer-key' | '--key-file') _backprop_tutor_files \"$cur\"; return 0 ;;"))
      #expect(script.contains("'--answer-key --key-file --loudly --help -h'"))
    case .zsh:
      #expect(script.contains("'frobnicate:Frobnicate an example.'"))
      #expect(script.contains("'--answer-key=[The key\\: \\[a\\] file, with '\\''quotes'\\'' and \\\\ and \\: in its help.]:file:_files'"))
      #expect(script.contains("'--loudly[Say it -- loudly.]'"))
    case .fish:
      #expect(script.contains("-n __fish_use_subcommand -a 'frobnicate' -d 'Frobnicate an example.'"))
      #expect(
        script.contains(
          "-n '__fish_seen_subcommand_from frobnicate' -l 'key-file' -r -F -d 'The key: [a] file, with \\'quotes\\' and \\\\ and : in its help.'"
        ))
    }
  }

  @Test func theManualHasEveryCommandAndOptionAndEscapesThem() {
    let page = ManualPage.page(commands: CommandRegistry.commands.map { $0.configuration } + [Self.tomorrow])
    for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "\"EXIT STATUS\"", "ENVIRONMENT", "FILES", "EXAMPLES", "\"SEE ALSO\""] {
      #expect(page.contains("\n.SH \(heading)\n"), "\(heading)")
    }
    for command in CommandRegistry.commands.map({ $0.configuration }) {
      #expect(page.contains("\n.SS \(command.name)\n"), "\(command.name)")
      for name in command.options.flatMap(\.names) {
        #expect(page.contains("\\fB\\-\\-\(name.replacingOccurrences(of: "-", with: "\\-"))\\fR"), "\(command.name) --\(name)")
      }
    }
    #expect(page.contains("\n.SS frobnicate\n"))
    #expect(
      page.contains(
        "\\fB\\-\\-answer\\-key\\fR, \\fB\\-\\-key\\-file\\fR \\fIfile\\fR\nThe key: [a] file, with 'quotes' and \\e and : in its help.\n"))
    #expect(page.contains("\nSay it \\-\\- loudly.\n"))
  }

  @Test func theManualsExitStatusesAreTheFailuresOwn() {
    let statuses = Failure.exitStatuses.map(\.status)
    #expect(statuses == [0, 1, 64, 65, 66, 73, 74])
    #expect(Failure.usage("x", command: nil).status == 64)
    #expect(Failure.cannotWrite("x").status == 73)
  }
}
