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
    let jobs = names.flatMap { name in versions.map { (name: name, file: "\(name)-\($0.suffix)", options: $0.options) } }
    // Each job writes its handout with the tool, then compiles it; as many at once as there
    // are cores, each a few tenths of a second.
    let results = Mutex<[String: (written: String?, status: Int32, log: String)]>([:])
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      let job = jobs[index]
      let path = folder.appendingPathComponent(job.file + ".tex").path
      let written = try? Tool.run(["walk", job.name, "--format", "latex", "--output", path] + job.options)
      let failure = written?.status == 0 ? nil : "status \(written?.status ?? -1): \(written?.stderr ?? "")"
      let none: (status: Int32, log: String) = (-1, "")
      let outcome = failure == nil ? ((try? compile(job.file, in: folder)) ?? none) : none
      results.withLock { $0[job.file] = (failure, outcome.status, outcome.log) }
    }
    for job in jobs.map(\.file) {
      let (failure, status, log) = results.withLock { $0[job]! }
      #expect(failure == nil, "\(job): walk failed: \(failure ?? "")")
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
