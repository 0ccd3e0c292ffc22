import Testing

@testable import BackpropCLI

/// A negative number is a value, not an option: `nudge simple-chain w1 -0.1` needs no `--`.
@Suite struct NegativeNumberArgumentTests {
  let nudge = NudgeCommand.configuration

  @Test(arguments: ["-0.1", "-3", "-1e-3", "-.5", "-0", "-1E+2"])
  func aNegativeNumberIsAPositional(delta: String) throws {
    let parsed = try ParsedArguments(["simple-chain", "w1", delta], for: nudge)
    #expect(parsed.positionals == ["simple-chain", "w1", delta])
  }

  @Test func theDeltaReadsAsTheNumberTyped() throws {
    let command = try NudgeCommand(ParsedArguments(["simple-chain", "w1", "-0.1"], for: nudge))
    #expect(command.delta == -0.1)
    let small = try NudgeCommand(ParsedArguments(["simple-chain", "--json", "w1", "-1e-3"], for: nudge))
    #expect(small.delta == -0.001)
    #expect(small.json)
  }

  @Test func aNegativeNumberBeforeTheOthersIsStillAPositional() throws {
    // Numbers are positionals wherever they stand; here the third positional is 'w1'.
    let parsed = try ParsedArguments(["-2", "simple-chain", "w1"], for: nudge)
    #expect(parsed.positionals == ["-2", "simple-chain", "w1"])
  }

  @Test func aNegativeNumberIsAnOptionsValue() throws {
    let new = try ParsedArguments(["--rate", "-0.5"], for: NewCommand.configuration)
    #expect(new.number("rate") == -0.5)
    let inline = try ParsedArguments(["--rate=-.25"], for: NewCommand.configuration)
    #expect(inline.number("rate") == -0.25)
  }

  @Test func doubleDashStillEndsTheOptions() throws {
    let parsed = try ParsedArguments(["simple-chain", "--", "w1", "-0.1"], for: nudge)
    #expect(parsed.positionals == ["simple-chain", "w1", "-0.1"])
    let flagLike = try ParsedArguments(["simple-chain", "w1", "--", "--json"], for: nudge)
    #expect(flagLike.positionals == ["simple-chain", "w1", "--json"])
    #expect(!flagLike.shared.json)
  }

  @Test(arguments: ["-x", "--bogus", "-0.1x", "-e", "--0.5", "-.", "-1-2"])
  func whatIsNotANumberIsStillAnUnknownOption(argument: String) throws {
    #expect(throws: Failure.self) { try ParsedArguments(["simple-chain", "w1", argument], for: nudge) }
    do {
      _ = try ParsedArguments(["simple-chain", "w1", "0.1", argument], for: nudge)
      Issue.record("'\(argument)' was accepted")
    } catch let failure as Failure {
      #expect(failure.status == 64)
      #expect(failure.message.hasPrefix("Error: unknown option '\(argument)'"), "\(failure.message)")
    }
  }

  @Test func aNumberWhereNoneIsExpectedIsAnExtraArgument() throws {
    #expect(throws: Failure.self) { try ParsedArguments(["simple-chain", "-3"], for: WalkCommand.configuration) }
  }
}
