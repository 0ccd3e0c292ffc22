import Foundation
import Testing

/// `completions bash|zsh|fish`: scripts the shells accept, and that complete as a person expects.
@Suite struct CompletionsTests {
  /// The path of `program` on this machine, if installed.
  static func installed(_ program: String) -> String? {
    ["/usr/bin/", "/bin/", "/usr/local/bin/", "/opt/homebrew/bin/"].map { $0 + program }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs `shell -n` (parse only) on the script for `name`.
  func expectParses(_ name: String) throws {
    guard let shell = Self.installed(name) else {
      FileHandle.standardError.write(Data("SKIPPED: \(name) is not installed; its completion script is not syntax-checked.\n".utf8))
      return
    }
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let generated = try Tool.run(["completions", name])
    #expect(generated.status == 0)
    #expect(generated.stderr.isEmpty)
    let file = directory.appendingPathComponent("completion.\(name)")
    try generated.stdout.write(to: file, atomically: true, encoding: .utf8)
    let checked = try Tool.run(["-n", file.path], executable: URL(fileURLWithPath: shell))
    #expect(checked.status == 0, "\(name) -n: \(checked.stderr)")
    #expect(checked.stderr.isEmpty, "\(checked.stderr)")
  }

  @Test func bashParses() throws { try expectParses("bash") }
  @Test func zshParses() throws { try expectParses("zsh") }
  @Test func fishParses() throws { try expectParses("fish") }

  /// Sources the bash script and calls its function as bash's completion would, with
  /// COMP_WORDS and COMP_CWORD, in an empty folder (so no file names are offered).
  func bashCompletes(_ words: [String]) throws -> [String] {
    let bash = try #require(Self.installed("bash"))
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = try Tool.run(["completions", "bash"]).stdout
    try script.write(to: directory.appendingPathComponent("completion.bash"), atomically: true, encoding: .utf8)
    let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
    let program = """
      source ./completion.bash
      COMP_WORDS=(backprop-tutor \(quoted)); COMP_CWORD=\(words.count)
      _backprop_tutor
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let result = try Tool.run(["-c", program], executable: URL(fileURLWithPath: bash), directory: directory)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init)
  }

  @Test func bashCompletesSubcommandsOptionsAndExamples() throws {
    #expect(try bashCompletes(["wa"]) == ["walk"])
    #expect(try bashCompletes(["walk", "--a"]) == ["--ascii"])
    #expect(try bashCompletes(["walk", "simple-"]) == ["simple-chain"])
    #expect(try bashCompletes(["completions", ""]) == ["bash", "zsh", "fish"])
    #expect(try bashCompletes(["help", "ma"]) == ["manual"])
    // nudge EXAMPLE NAME DELTA: after the example, no example names; `-0.1` is a value, not an option.
    #expect(try bashCompletes(["nudge", "simple-chain", "simple"]) == [])
    #expect(try bashCompletes(["check", "--round", "4", "single-"]) == ["single-neuron"])
    // An option's fixed words, and a key that may be a built-in example.
    #expect(try bashCompletes(["walk", "simple-chain", "--format", ""]) == ["markdown", "latex"])
    #expect(try bashCompletes(["check", "--format", "c"]) == ["csv"])
    #expect(try bashCompletes(["check", "--key", "handwritten-"]) == ["handwritten-222"])
  }

  /// What fish offers for `line`, with the script loaded: `complete -C` asks fish's own
  /// completion, as a Tab would.
  func fishCompletes(_ line: String) throws -> [String]? {
    guard let fish = Self.installed("fish") else {
      FileHandle.standardError.write(Data("SKIPPED: fish is not installed; its completions are not tried.\n".utf8))
      return nil
    }
    let directory = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = try Tool.run(["completions", "fish"]).stdout
    try script.write(to: directory.appendingPathComponent("completion.fish"), atomically: true, encoding: .utf8)
    let result = try Tool.run(
      ["--no-config", "-c", "source ./completion.fish; complete -C '\(line)'"], executable: URL(fileURLWithPath: fish),
      directory: directory)
    #expect(result.status == 0, "\(result.stderr)")
    // Each offer is the word, a tab, and its description.
    return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
  }

  @Test func fishCompletesSubcommandsOptionsAndExamples() throws {
    guard let walk = try fishCompletes("backprop-tutor wa") else { return }
    #expect(walk == ["walk"])
    #expect(try fishCompletes("backprop-tutor walk --a") == ["--ascii"])
    #expect(try fishCompletes("backprop-tutor walk simple-") == ["simple-chain"])
    #expect(try fishCompletes("backprop-tutor completions ") == ["bash", "fish", "zsh"])
  }

  @Test func anUnknownShellIsAUsageError() throws {
    let result = try Tool.run(["completions", "powershell"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: no completions for 'powershell': bash, zsh or fish\n"))
  }
}
