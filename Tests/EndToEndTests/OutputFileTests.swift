import Foundation
import Testing

/// `graph --output`, `train --svg`, `surface --svg` and `new --output`: written whole through a
/// temporary file, never through a link, never over a device, a folder or a file the user would miss.
@Suite struct OutputFileTests {
  /// A new temporary folder, and a way to name files in it.
  struct Folder {
    let url: URL
    init() throws { url = try Tool.temporaryDirectory() }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ text: String, _ name: String) throws { try text.write(toFile: path(name), atomically: false, encoding: .utf8) }
    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
    /// The names in the folder: no temporary file may be left behind.
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
    func remove() { try? FileManager.default.removeItem(at: url) }
  }

  /// The three commands that write a picture or a graph, each with its option and what it writes.
  static let writers: [(arguments: [String], option: String, header: String)] = [
    (["graph", "simple-chain"], "--output", "digraph backprop {\n  // Written by backprop-tutor."),
    (
      ["train", "simple-chain", "--steps", "3"], "--svg", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Written by backprop-tutor. -->"
    ),
    (
      ["surface", "simple-chain", "--steps", "3", "--grid", "2"], "--svg",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Written by backprop-tutor. -->"
    ),
  ]

  /// Runs `arguments` and expects exit 73 with exactly `line` on stderr.
  func expectRefused(_ arguments: [String], _ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let result = try Tool.run(arguments, timeout: 20)
    #expect(result.status == 73, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr == "Error: \(line)\n", sourceLocation: sourceLocation)
  }

  @Test func aNewFileIsWrittenWithTheMarkAndNothingElseIsLeft() throws {
    let folder = try Folder()
    defer { folder.remove() }
    for (index, writer) in Self.writers.enumerated() {
      let result = try Tool.run(writer.arguments + [writer.option, folder.path("out\(index)")])
      #expect(result.status == 0, "\(writer.arguments): \(result.stderr)")
      #expect(try folder.read("out\(index)").hasPrefix(writer.header + "\n"), "\(writer.arguments)")
    }
    #expect(try folder.names() == ["out0", "out1", "out2"])
  }

  @Test func aFileOfOursIsReplacedAndAForeignOneKeptUnlessForced() throws {
    let folder = try Folder()
    defer { folder.remove() }
    for writer in Self.writers {
      let target = folder.path("picture")
      try folder.write("<svg>a logo drawn by hand</svg>\n", "picture")
      try expectRefused(
        writer.arguments + [writer.option, target],
        "\(target): exists and is not \(writer.option == "--svg" ? "an SVG picture" : "a graph") written by backprop-tutor; "
          + "--force replaces it")
      #expect(try folder.read("picture") == "<svg>a logo drawn by hand</svg>\n")
      // A homework file is not a picture either: `train --svg hw1.txt` keeps it.
      try folder.write("input x = 1\ndoc L = 0.5\n", "hw1.txt")
      #expect(try Tool.run(writer.arguments + [writer.option, folder.path("hw1.txt")]).status == 73)
      #expect(try folder.read("hw1.txt") == "input x = 1\ndoc L = 0.5\n")
      // With --force it is replaced; once ours, it is replaced again without --force.
      #expect(try Tool.run(writer.arguments + [writer.option, target, "--force"]).status == 0)
      #expect(try folder.read("picture").hasPrefix(writer.header))
      #expect(try Tool.run(writer.arguments + [writer.option, target]).status == 0)
      // An empty file holds nothing to lose.
      try folder.write("", "empty")
      #expect(try Tool.run(writer.arguments + [writer.option, folder.path("empty")]).status == 0)
      #expect(try folder.names() == ["empty", "hw1.txt", "picture"])
    }
    // Another command's kind is not ours: a graph is not replaced by an SVG.
    #expect(try Tool.run(["graph", "simple-chain", "--output", folder.path("graph.dot")]).status == 0)
    #expect(try Tool.run(["train", "simple-chain", "--steps", "3", "--svg", folder.path("graph.dot")]).status == 73)
  }

  @Test func aReadOnlyFileIsKeptUnlessForcedAsMvDoes() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let target = folder.path("curve.svg")
    #expect(try Tool.run(["train", "simple-chain", "--steps", "3", "--svg", target]).status == 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: target)
    let before = try folder.read("curve.svg")
    try expectRefused(["train", "simple-chain", "--steps", "5", "--svg", target], "\(target): is read-only; --force replaces it")
    #expect(try folder.read("curve.svg") == before)
    #expect(try Tool.run(["train", "simple-chain", "--steps", "5", "--svg", target, "--force"]).status == 0)
    #expect(try folder.read("curve.svg") != before)
  }

  @Test func aSymbolicLinkIsRefusedAndWhatItPointsToIsUnchanged() throws {
    let folder = try Folder()
    defer { folder.remove() }
    try folder.write("precious\n", "victim.txt")
    try FileManager.default.createSymbolicLink(atPath: folder.path("out.svg"), withDestinationPath: folder.path("victim.txt"))
    for writer in Self.writers {
      for force in [[], ["--force"]] {
        try expectRefused(
          writer.arguments + [writer.option, folder.path("out.svg")] + force,
          "\(folder.path("out.svg")): is a symbolic link; give the path of the file itself")
      }
    }
    #expect(try folder.read("victim.txt") == "precious\n")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("out.svg")) == folder.path("victim.txt"))
    #expect(try folder.names() == ["out.svg", "victim.txt"])
  }

  @Test func devicesFIFOsAndFoldersAreRefused() throws {
    let folder = try Folder()
    defer { folder.remove() }
    #expect(mkfifo(folder.path("pipe"), 0o644) == 0)
    try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: false)
    for writer in Self.writers {
      for force in [[], ["--force"]] {
        let run = writer.arguments + force + [writer.option]
        try expectRefused(run + ["/dev/null"], "/dev/null: is a device, not a file")
        try expectRefused(run + ["/dev/stdout"], "/dev/stdout: is a symbolic link; give the path of the file itself")
        try expectRefused(run + [folder.path("pipe")], "\(folder.path("pipe")): is a FIFO (named pipe), not a file")
        try expectRefused(run + [folder.path("sub")], "\(folder.path("sub")): is a folder")
        try expectRefused(run + [folder.path("new") + "/"], "\(folder.path("new"))/: ends in '/', so it names a folder, not a file")
        try expectRefused(run + [folder.path("none/x")], "\(folder.path("none/x")): the folder '\(folder.path("none"))' does not exist")
      }
    }
    // Nothing was created: no file named `new`, nothing in `sub`.
    #expect(try folder.names() == ["pipe", "sub"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("sub")).isEmpty)
  }

  /// The temporary name is short (`.bt-XXXXXXXX.tmp`), so a name up to NAME_MAX (255) works.
  @Test func aLongFileNameWorks() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let name = String(repeating: "n", count: 246) + ".svg"
    #expect(name.utf8.count == 250)
    for writer in Self.writers {
      let result = try Tool.run(writer.arguments + [writer.option, folder.path(name), "--force"])
      #expect(result.status == 0, "\(writer.arguments): \(result.stderr)")
      #expect(try folder.read(name).hasPrefix(writer.header))
    }
    #expect(try folder.names() == [name])
  }

  @Test func newNeverOverwritesWithoutForce() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let target = folder.path("hw.txt")
    #expect(try Tool.run(["new", "--output", target]).status == 0)
    let filled = try folder.read("hw.txt").replacingOccurrences(of: "doc L = \n", with: "doc L = 0.2984\n")
    try folder.write(filled, "hw.txt")
    try expectRefused(["new", "--output", target], "\(target): already exists; --force replaces it")
    #expect(try folder.read("hw.txt") == filled)
    #expect(try Tool.run(["new", "--output", target, "--force"]).status == 0)
    #expect(try folder.read("hw.txt").contains("doc L = \n"))
    #expect(try folder.names() == ["hw.txt"])
  }

  @Test func theForceOptionIsDeclaredWithHelp() throws {
    for command in ["graph", "train", "surface", "new"] {
      let help = try Tool.run(["help", command])
      #expect(help.stdout.contains("--force"), "help \(command)")
    }
  }
}
