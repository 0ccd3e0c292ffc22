import Foundation
import Testing

/// `check FOLDER`: every `.txt` file in the folder and its subfolders, whatever the case
/// of the extension; hidden entries passed over, anything else named on stderr as skipped.
@Suite struct CheckFolderTests {
  @Test func subfoldersAndUpperCaseExtensions() throws {
    let root = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let manager = FileManager.default
    func write(_ path: String) throws {
      let url = root.appendingPathComponent(path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try AnswerKeyCommandTests.key.write(to: url, atomically: true, encoding: .utf8)
    }
    // cls is 1 folder deep, so d2 ... d8 are 2 to 8 deep (read) and d9 is 9 (skipped).
    let deep = (2...8).map { "d\($0)" }.joined(separator: "/")
    for path in [
      "cls/Ann.TXT", "cls/sub/bob.txt", "cls/.hidden/x.txt", "cls/.h.txt", "cls/notes.pdf", "cls/\(deep)/a.txt", "cls/\(deep)/d9/b.txt",
    ] {
      try write(path)
    }
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("cls/sub/loop").path, withDestinationPath: "..")
    let result = try Tool.run(["check", "cls", "--summary", "--json"], directory: root)
    #expect(result.status == 0)
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let files = (document["students"] as! [[String: Any]]).map { $0["file"] as! String }
    // Name order: "A" < "d" < "s".
    #expect(files == ["cls/Ann.TXT", "cls/\(deep)/a.txt", "cls/sub/bob.txt"])
    #expect(
      result.stderr == """
        skipped cls/\(deep)/d9: more than 8 folders deep
        skipped cls/notes.pdf: not a .txt example file
        skipped cls/sub/loop: a symbolic link to a folder, not followed

        """)
  }
}
