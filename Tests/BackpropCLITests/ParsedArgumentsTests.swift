import Testing

@testable import BackpropCLI

/// Reading arguments against a command's declarations, the way swift-argument-parser reads them.
@Suite struct ParsedArgumentsTests {
  let walk = WalkCommand.configuration

  /// The usage error reading `arguments` for `configuration` throws, as stderr shows it.
  func error(_ arguments: [String], _ configuration: CommandConfiguration) -> String? {
    do {
      _ = try ParsedArguments(arguments, for: configuration)
      return nil
    } catch let failure as Failure {
      #expect(failure.status == 64)
      return failure.message
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func optionsFlagsAndPositionals() throws {
    let parsed = try ParsedArguments(["simple-chain", "--round", "4", "--json", "--ascii"], for: walk)
    #expect(parsed.positionals == ["simple-chain"])
    #expect(parsed.integer("round") == 4)
    #expect(parsed.shared.json && parsed.shared.ascii)
    #expect(!parsed.flag("step"))
  }

  @Test func anOptionsValueAfterAnEqualsSign() throws {
    let parsed = try ParsedArguments(["--round=4", "simple-chain"], for: walk)
    #expect(parsed.integer("round") == 4)
    #expect(parsed.positionals == ["simple-chain"])
  }

  @Test func doubleDashEndsTheOptions() throws {
    let parsed = try ParsedArguments(["--", "--json"], for: walk)
    #expect(parsed.positionals == ["--json"])
    #expect(!parsed.shared.json)
  }

  @Test func unknownOptions() {
    #expect(error(["simple-chain", "--frob"], walk) == "Error: unknown option '--frob'\nUsage: see 'backprop-tutor help walk'.")
    #expect(error(["simple-chain", "-x"], walk)?.hasPrefix("Error: unknown option '-x'") == true)
    // A flag takes no value.
    #expect(error(["simple-chain", "--json=yes"], walk)?.hasPrefix("Error: unknown option '--json=yes'") == true)
    // An option of another command.
    #expect(error(["simple-chain", "--steps", "3"], walk)?.hasPrefix("Error: unknown option '--steps'") == true)
  }

  /// The last one does not silently win: an option with a value is given once.
  @Test func anOptionGivenTwice() {
    #expect(
      error(["simple-chain", "--round", "3", "--round=4"], walk)
        == "Error: '--round' is given twice\nUsage: see 'backprop-tutor help walk'.")
    #expect(
      error(["--key", "a.txt", "b.txt", "--key", "c.txt"], CheckCommand.configuration)?.hasPrefix("Error: '--key' is given twice\n") == true
    )
  }

  @Test func aMissingValue() {
    #expect(error(["simple-chain", "--round"], walk)?.hasPrefix("Error: missing value for '--round'") == true)
  }

  @Test func valuesAreCheckedAgainstTheirKind() {
    #expect(
      error(["simple-chain", "--round", "13"], walk)?.hasPrefix("Error: '--round' takes a whole number of decimals from 0 to 12, not '13'")
        == true)
    let train = TrainCommand.configuration
    #expect(error(["x", "--steps", "0"], train)?.hasPrefix("Error: '--steps' takes a whole number from 1 to 10000000, not '0'") == true)
    #expect(error(["x", "--rate", "-1"], train)?.hasPrefix("Error: '--rate' takes a positive number, not '-1'") == true)
    #expect(error(["x", "--rate", "inf"], train)?.hasPrefix("Error: '--rate' takes a positive number, not 'inf'") == true)
    #expect(error(["--rate", "fast"], NewCommand.configuration)?.hasPrefix("Error: '--rate' takes a number, not 'fast'") == true)
  }

  @Test func positionalsAreCounted() {
    #expect(error([], walk)?.hasPrefix("Error: missing expected argument '<example>'") == true)
    #expect(error(["a", "b"], walk)?.hasPrefix("Error: unexpected argument 'b'") == true)
    #expect(error([], CheckCommand.configuration)?.hasPrefix("Error: missing expected argument '<example> ...'") == true)
    #expect(error(["a", "b", "c"], CheckCommand.configuration) == nil)
    #expect(error(["simple-chain", "w2"], NudgeCommand.configuration)?.hasPrefix("Error: missing expected argument '<delta>'") == true)
    #expect(error(["x"], ListCommand.configuration)?.hasPrefix("Error: unexpected argument 'x'") == true)
    #expect(error([], ExplainCommand.configuration) == nil)
  }

  @Test func defaultsComeFromTheDeclaration() throws {
    let parsed = try ParsedArguments([], for: NewCommand.configuration)
    #expect(parsed.text("layers") == "2-2-1")
    #expect(parsed.number("rate") == 0.5)
    #expect(parsed.text("title") == nil)
    let train = try ParsedArguments(["simple-chain"], for: TrainCommand.configuration)
    #expect(train.integer("steps") == 100)
    #expect(train.integer("every") == nil)
  }

  @Test func optionsThatShareARowAreEachTheirOwn() throws {
    let parsed = try ParsedArguments(["--inputs", "1,2", "--targets=3"], for: NewCommand.configuration)
    #expect(parsed.text("inputs") == "1,2")
    #expect(parsed.text("targets") == "3")
    #expect(parsed.text("weights") == nil)
  }
}
