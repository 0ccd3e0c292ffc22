import Foundation
import Testing

/// Every command README.md shows is run, and its output compared where it is shown. The
/// convention (CONTRIBUTING.md, "Commands in the README"):
///
/// - Commands a reader may type are in ```` ```console ```` blocks. A line starting with `$ `
///   is a command; the lines after it, up to the next `$ ` line or the end of the block, are
///   its output: standard output, then standard error, compared exactly after each line's
///   trailing spaces and the trailing blank lines are stripped. A command shown without
///   output has only its exit status checked.
/// - The exit status must be 0, unless the next line is `$ echo $?` followed by the status.
/// - `$ backprop-tutor ARGS` runs the built binary; so does `$ swift run backprop-tutor ARGS`
///   (the build is not run); `$ printf 'TEXT' | backprop-tutor ARGS` gives TEXT (with `\n`
///   as line breaks) on standard input. `swift build`, `swift test` and `swift run` alone are
///   exempt: this test is itself run by `swift test`, after the build. A trailing `> FILE`
///   writes standard output to FILE (then only standard error is compared). Any other command fails
///   the test, so the README shows nothing that no test runs.
/// - Arguments are split as a shell splits them, with single and double quotes (no
///   expansions). Each block runs in a new empty folder, its commands in order, so a command
///   may write a file that the next one reads.
/// - A ```` ```sh ````, ```` ```bash ```` or ```` ```shell ```` block must not run
///   `backprop-tutor`: it would not be tested.
@Suite struct ReadmeCommandTests {
  /// One `$` line of a console block, with what the README shows after it.
  struct Shown {
    var line: Int
    var command: String
    var output: [String]
    var status: Int32 = 0
  }

  static let readme = Tool.repository.appendingPathComponent("README.md")

  /// The README's console blocks, each a list of commands in order.
  static func blocks() throws -> [[Shown]] {
    let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
    var blocks: [[Shown]] = []
    var current: [Shown]?
    for (index, line) in lines.enumerated() {
      let number = index + 1
      if current == nil {
        if line.trimmingCharacters(in: .whitespaces) == "```console" { current = [] }
        continue
      }
      if line.hasPrefix("```") {
        blocks.append(current!)
        current = nil
      } else if line.hasPrefix("$ ") {
        current!.append(Shown(line: number, command: String(line.dropFirst(2)), output: []))
      } else if !current!.isEmpty {
        current![current!.count - 1].output.append(line)
      } else if !line.isEmpty {
        Issue.record("README.md:\(number): output before any '$ ' command in a console block")
      }
    }
    // `$ echo $?` gives the status of the command before it.
    return blocks.map { block in
      var commands: [Shown] = []
      for shown in block {
        if shown.command == "echo $?", !commands.isEmpty, let status = Int32(shown.output.first ?? "") {
          commands[commands.count - 1].status = status
        } else {
          commands.append(shown)
        }
      }
      return commands
    }
  }

  /// `text` split into words as a shell splits them, with '...' and "..." quoting.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var word: String?
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil } else { word!.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        word = word ?? ""
      } else if character == " " {
        if let finished = word { words.append(finished) }
        word = nil
      } else {
        word = (word ?? "") + String(character)
      }
    }
    if let word { words.append(word) }
    return words
  }

  /// What a command line asks to run: the tool's arguments and standard input, or nil
  /// for an exempt `swift` line; throws for anything else.
  static func invocation(_ command: String) -> (arguments: [String], input: String?, output: String?)?? {
    var words = words(command)
    var input: String?
    var output: String?
    if words.count > 2, words[words.count - 2] == ">" {
      output = words.removeLast()
      words.removeLast()
    }
    if words.first == "printf", words.count > 3, words[2] == "|" {
      input = words[1].replacingOccurrences(of: "\\n", with: "\n")
      words.removeFirst(3)
    }
    if words.starts(with: ["swift", "run", "backprop-tutor"]) { words.removeFirst(2) }
    if words.first == "backprop-tutor" { return (Array(words.dropFirst()), input, output) }
    if input == nil, output == nil, words.first == "swift", ["build", "test", "run"].contains(words.dropFirst().first ?? "") {
      return .some(nil)
    }
    return nil
  }

  /// Lines as compared: trailing spaces off each, trailing blank lines dropped.
  static func normalised(_ lines: [String]) -> [String] {
    var lines = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  @Test func everyCommandShownRunsAndPrintsWhatIsShown() throws {
    let blocks = try Self.blocks()
    var ran = 0
    for block in blocks {
      let directory = try Tool.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: directory) }
      for shown in block {
        guard let invocation = Self.invocation(shown.command) else {
          Issue.record("README.md:\(shown.line): '\(shown.command)' is not a command this test can run (see CONTRIBUTING.md)")
          continue
        }
        guard let run = invocation else { continue }
        var result = try Tool.run(run.arguments, directory: directory, input: run.input, timeout: 60)
        if let file = run.output {
          try result.stdout.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
          result.stdout = ""
        }
        ran += 1
        #expect(
          result.status == shown.status,
          "README.md:\(shown.line): '\(shown.command)' exited \(result.status), not \(shown.status): \(result.stderr)")
        guard !Self.normalised(shown.output).isEmpty else { continue }
        let expected = Self.normalised(shown.output)
        let actual = Self.normalised((result.stdout + result.stderr).components(separatedBy: "\n"))
        guard expected != actual else { continue }
        let firstDifference = zip(expected, actual).enumerated().first { $1.0 != $1.1 }?.offset ?? min(expected.count, actual.count)
        Issue.record(
          """
          README.md:\(shown.line + 1 + firstDifference): '\(shown.command)' printed something else from its line \(firstDifference + 1):
            README: \(firstDifference < expected.count ? expected[firstDifference] : "(nothing more)")
            tool:   \(firstDifference < actual.count ? actual[firstDifference] : "(nothing more)")
          """)
      }
    }
    // The README shows commands, and the test found them: a test that runs nothing cannot fail.
    #expect(ran >= 8, "only \(ran) README commands found")
  }

  @Test func aFreshMachineNeedsTwoCommandsTheWalkAndTheTests() throws {
    let text = try String(contentsOf: Self.readme, encoding: .utf8)
    let section = try #require(text.components(separatedBy: "\n## On a fresh machine").dropFirst().first)
      .components(separatedBy: "\n## ")[0]
    let commands = section.components(separatedBy: "\n").filter { $0.hasPrefix("$ ") }
    #expect(commands.count == 2, "\(commands)")
    #expect(commands.first?.hasPrefix("$ swift run backprop-tutor walk ") == true)
    #expect(commands.last == "$ swift test")
    // .ci/run runs the same test command.
    let ci = try String(contentsOf: Tool.repository.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.components(separatedBy: "\n").contains("swift test"))
  }

  @Test func noOtherBlockRunsTheTool() throws {
    let lines = try String(contentsOf: Self.readme, encoding: .utf8).components(separatedBy: "\n")
    var language: String?
    for (index, line) in lines.enumerated() where line.hasPrefix("```") {
      language = language == nil ? String(line.dropFirst(3)) : nil
      guard let open = language, ["sh", "bash", "shell"].contains(open) else { continue }
      let body = lines[(index + 1)...].prefix { !$0.hasPrefix("```") }
      for (offset, command) in body.enumerated() where command.contains("backprop-tutor ") {
        Issue.record("README.md:\(index + 2 + offset): put '\(command)' in a ```console block, where it is tested")
      }
    }
  }

  @Test func theConventionReadsCommandsAsAShellDoes() throws {
    #expect(
      Self.words("backprop-tutor new --title 'My sheet' --rate \"0.5\"") == [
        "backprop-tutor", "new", "--title", "My sheet", "--rate", "0.5",
      ])
    let piped = try #require(Self.invocation("printf '4\\n2\\n' | backprop-tutor quiz simple-chain"))
    #expect(piped?.arguments == ["quiz", "simple-chain"])
    #expect(piped?.input == "4\n2\n")
    #expect(try #require(Self.invocation("swift run backprop-tutor walk x"))?.arguments == ["walk", "x"])
    #expect(try #require(Self.invocation("swift test")) == nil)
    #expect(Self.invocation("rm -rf /") == nil)
    let redirected = try #require(Self.invocation("backprop-tutor manual > page.1"))
    #expect(redirected?.arguments == ["manual"])
    #expect(redirected?.output == "page.1")
    #expect(Self.normalised(["a  ", "", "b ", "", ""]) == ["a", "", "b"])
  }
}
