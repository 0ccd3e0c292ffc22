import Foundation
import Testing

/// `manual`: a man page that man renders without a warning, with the sections a man page has.
@Suite struct ManualTests {
  @Test func manRendersItWithEverySectionAndNoWarnings() throws {
    let page = try Tool.run(["manual"])
    #expect(page.status == 0)
    #expect(page.stdout.hasPrefix(".\\\" The manual of backprop-tutor"))
    guard let man = CompletionsTests.installed("man") else {
      FileHandle.standardError.write(Data("SKIPPED: man is not installed; the manual page is not rendered.\n".utf8))
      return
    }
    let rendered = try Tool.run(
      ["--warnings", "-l", "-"], executable: URL(fileURLWithPath: man), environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"],
      input: page.stdout)
    #expect(rendered.status == 0, "\(rendered.stderr)")
    #expect(rendered.stderr.isEmpty, "man warned: \(rendered.stderr)")
    let lines = rendered.stdout.split(separator: "\n").map(String.init)
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"] {
      #expect(lines.contains(section), "no \(section) section")
    }
    for command in ["walk", "check", "new", "completions", "manual"] { #expect(lines.contains("   " + command), "\(command)") }
    #expect(lines.contains("       64     Bad usage: an unknown subcommand, option or example name, or an"))
    #expect(lines.contains("       NO_COLOR"))
    // Hyphens stay ASCII minus signs, so an option can be copied from the page.
    #expect(lines.contains("       --round n"))
    // Filled text fits MANWIDTH; only the examples, shown as typed, may be wider.
    #expect(lines.filter { !$0.hasPrefix("       backprop-tutor ") }.allSatisfy { $0.count <= 80 })
  }

  @Test func groffFindsNothingToWarnAbout() throws {
    guard let groff = CompletionsTests.installed("groff") else {
      FileHandle.standardError.write(Data("SKIPPED: groff is not installed; the manual page is not checked with groff -ww.\n".utf8))
      return
    }
    let page = try Tool.run(["manual"]).stdout
    let checked = try Tool.run(["-ww", "-man", "-Tutf8", "-z"], executable: URL(fileURLWithPath: groff), input: page)
    #expect(checked.status == 0)
    #expect(checked.stderr.isEmpty, "groff warned: \(checked.stderr)")
  }
}
