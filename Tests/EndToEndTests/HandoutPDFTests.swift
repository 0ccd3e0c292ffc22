import Foundation
import Synchronization
import Testing

/// The LaTeX handout of every built-in example, in each version, compiles with `pdflatex`
/// (Debian's texlive-latex-base alone) without an error, and its tables fit the page.
@Suite struct HandoutPDFTests {
  static let pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The built-in examples, as `list` names them.
  func builtinNames() throws -> [String] {
    let list = try Tool.run(["list"])
    #expect(list.status == 0)
    return list.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
  }

  /// Runs pdflatex on `tex` in `folder`; the log, or nil when it failed.
  func compile(_ name: String, in folder: URL) throws -> (status: Int32, log: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.pdflatex!)
    process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", name + ".tex"]
    process.currentDirectoryURL = folder
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let log = (try? String(contentsOf: folder.appendingPathComponent(name + ".log"), encoding: .utf8)) ?? ""
    return (process.terminationStatus, log)
  }

  @Test func everyExampleCompilesAndFitsThePage() throws {
    guard Self.pdflatex != nil else {
      FileHandle.standardError.write(Data("SKIPPED: pdflatex is not installed; the LaTeX handouts are not compiled.\n".utf8))
      return
    }
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let names = try builtinNames()
    #expect(names.count >= 10)
    let versions: [(suffix: String, options: [String])] = [("solution", []), ("document", ["--with-document"]), ("blanks", ["--blanks"])]
    var jobs: [String] = []
    for name in names {
      for version in versions {
        let file = "\(name)-\(version.suffix)"
        let result = try Tool.run(
          ["walk", name, "--format", "latex", "--output", folder.appendingPathComponent(file + ".tex").path] + version.options)
        #expect(result.status == 0, "\(file): \(result.stderr)")
        jobs.append(file)
      }
    }
    // Two at a time: a few tenths of a second each.
    let results = Mutex<[String: (status: Int32, log: String)]>([:])
    let files = jobs
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let outcome = (try? compile(files[index], in: folder)) ?? (-1, "")
      results.withLock { $0[files[index]] = outcome }
    }
    for job in jobs {
      let (status, log) = results.withLock { $0[job]! }
      #expect(status == 0, "\(job): pdflatex failed: \(log.split(separator: "\n").filter { $0.hasPrefix("!") }.joined(separator: "; "))")
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(job + ".pdf").path), "\(job)")
      // "Overfull \hbox (12.3pt too wide)": a table wider than the page. A point or two is invisible.
      for line in log.split(separator: "\n") where line.hasPrefix("Overfull \\hbox (") {
        let points = Double(line.dropFirst("Overfull \\hbox (".count).prefix { $0.isNumber || $0 == "." }) ?? .infinity
        #expect(points <= 2, "\(job): \(line)")
      }
    }
  }
}
