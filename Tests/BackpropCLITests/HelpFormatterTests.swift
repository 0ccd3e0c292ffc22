import Testing

@testable import BackpropCLI

/// Help generated from the declarations and the one registry.
@Suite struct HelpFormatterTests {
  @Test func everyCommandIsFoundByItsNameOnce() {
    let names = CommandRegistry.commands.map { $0.configuration.name }
    #expect(Set(names).count == names.count)
    for name in names { #expect(CommandRegistry.command(named: name)?.configuration.name == name) }
    #expect(CommandRegistry.command(named: "frobnicate") == nil)
  }

  @Test func theOverviewListsTheRegistryInOrder() {
    let overview = CommandRegistry.overview
    let names = CommandRegistry.commands.map { $0.configuration.name }
    let rows = overview.split(separator: "\n").filter { line in names.contains { line.hasPrefix("  " + $0 + " ") } }
    #expect(rows.map { $0.split(separator: " ")[0] }.map(String.init) == names)
    #expect(overview.contains("  walk                    Replay an example: every value, derivative and update,\n"))
  }

  @Test func theSectionsComeInArgumentParsersOrder() throws {
    let help = HelpFormatter.help(for: WalkCommand.configuration)
    let positions = try ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "EXAMPLES:"].map { heading in
      try #require(help.range(of: "\n" + heading) ?? (help.hasPrefix(heading) ? help.range(of: heading) : nil)).lowerBound
    }
    #expect(positions == positions.sorted())
    // The usage line lists the declarations in order; later options may come between these.
    let usage = try #require(help.components(separatedBy: "\nUSAGE: ").dropFirst().first?.components(separatedBy: "\n\n").first)
    #expect(usage.hasPrefix("backprop-tutor walk <example> [--round <n>] [--step] [--json]"))
    #expect(usage.hasSuffix("[--ascii]"))
  }

  @Test func helpIsLastAmongTheOptionsAndTextStartsAtColumn26() throws {
    for command in CommandRegistry.commands {
      let help = HelpFormatter.help(for: command.configuration)
      let options = try #require(help.components(separatedBy: "OPTIONS:\n").last).components(separatedBy: "\n\n")[0]
      let rows = options.split(separator: "\n")
      #expect(rows.last == "  -h, --help              Show help information.")
      for row in rows where !row.hasPrefix("  --inputs, --targets") {
        // Two spaces of indent, then the help from column 26 (after 26 characters).
        #expect(row.hasPrefix("  ") && row.count > 26 && row.dropFirst(25).first == " " && row.dropFirst(26).first != " ", "\(row)")
      }
      for line in help.split(separator: "\n") where !line.hasPrefix("  backprop-tutor") && !line.hasPrefix("  printf") {
        #expect(line.count <= HelpFormatter.width, "\(line)")
      }
    }
  }

  @Test func defaultsAreShownFromTheDeclaration() {
    let help = HelpFormatter.help(for: TrainCommand.configuration)
    #expect(help.contains("  --steps <n>             How many steps (default: 100).\n"))
    #expect(help.contains("  --every <k>             Show every k-th step (default: a tenth of the steps).\n"))
  }

  @Test func aLabelTooWideForItsColumnPutsTheHelpOnTheNextLine() {
    let help = HelpFormatter.help(for: NewCommand.configuration)
    #expect(help.contains("  --inputs, --targets, --weights, --bias-values <values>\n                          Starting values,"))
  }

  @Test func theHelpCommandListsTheRegistry() {
    let help = HelpFormatter.help(for: HelpCommand.configuration)
    #expect(help.contains("USAGE: backprop-tutor help [<subcommand>]"))
    #expect(help.contains("walk, check, train, surface, nudge, graph, quiz,"))
    #expect(help.contains("or help."))
  }

  @Test func unknownSubcommandsAreUsageErrors() {
    #expect(BackpropCLI.main(["frobnicate"]) == 64)
    #expect(BackpropCLI.main(["help", "frob"]) == 64)
    #expect(throws: Failure.self) { try HelpCommand(ParsedArguments(["frob"], for: HelpCommand.configuration)) }
  }
}
