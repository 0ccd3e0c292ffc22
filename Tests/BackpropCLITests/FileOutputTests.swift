import BackpropPresentation
import Testing

@testable import BackpropCLI

/// What marks a file as the tool's own, and the folder a temporary file goes in.
@Suite struct FileOutputTests {
  @Test func theFolderOfAPathIsWhereItsTemporaryFileGoes() {
    #expect(FileOutput.folder(of: "loss.svg") == ".")
    #expect(FileOutput.folder(of: "out/loss.svg") == "out")
    #expect(FileOutput.folder(of: "/loss.svg") == "/")
    #expect(FileOutput.folder(of: "/a/b/loss.svg") == "/a/b")
  }

  @Test func aFileIsOursOnlyWhenItStartsWithTheMarkOfItsKind() {
    let svg = Array((WriterMark.svg + "\n<svg>").utf8)
    let dot = Array((WriterMark.dot + "\n  rankdir=LR;").utf8)
    #expect(FileOutput.Kind.svg.isOurs(svg))
    #expect(!FileOutput.Kind.dot.isOurs(svg))
    #expect(FileOutput.Kind.dot.isOurs(dot))
    #expect(!FileOutput.Kind.svg.isOurs(dot))
    // Someone else's SVG, a graph that only looks like ours, and a worksheet are not.
    #expect(!FileOutput.Kind.svg.isOurs(Array(#"<?xml version="1.0" encoding="UTF-8"?>\#n<svg>"#.utf8)))
    #expect(!FileOutput.Kind.dot.isOurs(Array("digraph backprop {\n  rankdir=LR;".utf8)))
    #expect(!FileOutput.Kind.worksheet.isOurs(Array("# A worksheet for a 2-2-1 network".utf8)))
  }

  @Test func aTitleIsOneLine() throws {
    #expect(try NewCommand.title(nil) == nil)
    #expect(try NewCommand.title("  Week 3  ") == "Week 3")
    for bad in ["", " ", "a\nb", "a\u{1B}b", "a\u{202E}b", "# x"] {
      #expect(throws: Failure.self) { try NewCommand.title(bad) }
    }
  }
}
