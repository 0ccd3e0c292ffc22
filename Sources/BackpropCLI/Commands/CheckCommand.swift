import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor check NAME|FILE|FOLDER...`: only what differs, with causes.
///
/// Exit status: 0 when every document value agrees, 1 when any differs, 65 when a
/// file is not a valid example (the others are still checked), 66 when one cannot be read.
struct CheckCommand: Command {
  static let configuration = CommandConfiguration(
    name: "check",
    abstract: "Check hand calculations: only what differs, and why.",
    overview: "Check hand calculations: print only the document values that differ, each with its cause, and a summary per file.",
    discussion: [
      "Exit status: 0 when every document value agrees, 1 when any differs, 65 when a file is not a valid example (the "
        + "other files are still checked), 66 when one cannot be read. Blank values ('doc NAME =' or 'doc NAME = ?') are skipped."
    ],
    arguments: [
      ArgumentDeclaration(
        name: "example", arity: .oneOrMore,
        help: "Built-in names, example files, or folders (every .txt file in the folder and its subfolders is checked).")
    ],
    options: [
      .option(
        "round", value: "n", kind: .decimals(0...12),
        help: "Compare with the calculation done by hand, every value rounded to <n> decimals before it is used."),
      SharedOptions.json(
        help: "The walk's JSON for one file; an array for several (a file that cannot be checked is {\"file\", \"error\"})."),
      .option(
        "key", value: "key",
        help: "Judge every file with this answer key's network: givens, equations or loss that differ from the key's are "
          + "reported first, and a file may hold only 'doc' lines. A '# variant: N' line picks the key's variant N."),
      .flag(
        "summary",
        help:
          "The class at a glance: a row per file (right, slips, carried, rounding, extra, first mistake) and a row per 'doc' line of the key "
          + "(how many got it right or slipped there). Without --key, each file is judged by its own network."),
      .option(
        "format", value: "format", kind: .choice(["text", "csv"]),
        help: "With --summary: text, or csv (both tables, for a spreadsheet or a gradebook).", default: "text"),
      .option("svg", value: "file", help: "With --summary: draw where the class went wrong, a bar per 'doc' line, as an SVG picture."),
      .option(
        "html", value: "file",
        help: "Also write the walk of the one file as a web page, opened at the first value that differs (works offline)."),
      SharedOptions.force(),
      SharedOptions.ascii(),
    ],
    examples: [
      "backprop-tutor check my-homework.txt", "backprop-tutor check submissions/ --round 4",
      "backprop-tutor check --key key.txt submissions/ --summary",
    ])

  var targets: [String]
  var json: Bool
  var rounding: Int?
  var force: Bool
  var terminal: Terminal
  /// The class mode's options (`--key`, `--summary`, `--format`, `--svg`).
  var classOptions: ClassOptions
  /// `--html`: the page to write for the one file checked.
  var html: String?

  init(_ arguments: ParsedArguments) throws {
    classOptions = try ClassOptions(arguments)
    targets = arguments.positionals
    json = arguments.shared.json
    rounding = arguments.integer("round")
    force = arguments.flag("force")
    terminal = arguments.shared.terminal
    html = arguments.text("html")
    if html != nil, targets.count != 1 {
      throw Failure.usage("'--html' writes the page of one file; give exactly one, not \(targets.count)", command: "check")
    }
  }

  /// How deep `check` looks into a folder's subfolders (a class download puts each student
  /// in a folder of their own).
  static let folderDepth = 8

  /// A folder stands for the example files in it and in its subfolders (up to
  /// ``folderDepth`` deep), in name order, each named by the folder as given. A `.txt`
  /// file is an example file whatever the case of its extension; hidden entries are
  /// passed over, and every other entry is named once on stderr as skipped. A symbolic
  /// link to a folder is not followed (no loops).
  func expanded() throws -> [String] {
    var result: [String] = []
    for target in targets {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
        var skipped: [String] = []
        let files = try Self.exampleFiles(in: target, depth: 1, skipped: &skipped)
        for line in skipped { Console.err(Escaping.terminal(line) + "\n") }
        if files.isEmpty { throw Failure.noInput("\(target): has no .txt example files") }
        result += files
      } else {
        result.append(target)
      }
    }
    // A file named twice (twice by name, or by name and through its folder) is one student.
    var seen: Set<String> = []
    return result.filter { file in
      let url = URL(fileURLWithPath: file)
      return seen.insert(FileManager.default.fileExists(atPath: file) ? url.resolvingSymlinksInPath().standardizedFileURL.path : file)
        .inserted
    }
  }

  /// The `.txt` files in `folder` and its subfolders, named from `folder` as given
  /// (`submissions/alice.txt`, `./bob/work.txt`), and what was skipped there.
  static func exampleFiles(in folder: String, depth: Int, skipped: inout [String]) throws -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw Failure.noInput("\(folder): cannot be read")
    }
    var files: [String] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      let isLink = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      if exists, isDirectory.boolValue {
        if isLink {
          skipped.append("skipped \(path): a symbolic link to a folder, not followed")
        } else if depth >= folderDepth {
          skipped.append("skipped \(path): more than \(folderDepth) folders deep")
        } else {
          files += try exampleFiles(in: path, depth: depth + 1, skipped: &skipped)
        }
      } else if name.lowercased().hasSuffix(".txt") {
        files.append(path)
      } else {
        skipped.append("skipped \(path): not a .txt example file")
      }
    }
    return files
  }

  /// With `--html`: refuses more than one file, and a page that cannot be written, before the work.
  func checkPage(for files: [String]) throws {
    guard let html else { return }
    guard files.count == 1 else {
      throw Failure.usage("'--html' writes the page of one file; \(targets[0]) holds \(files.count)", command: "check")
    }
    try FileOutput.check(html, kind: .html, force: force)
  }

  /// With `--html`: the file's page (judged by the key in class mode), opened at the first
  /// value that differs.
  func writePage(_ walkthrough: Walkthrough, file: String) throws {
    guard let html else { return }
    let page = WalkPage(walkthrough: walkthrough, name: file, notation: terminal.notation, opening: .firstDifference)
    try FileOutput.write(try WalkCommand.render(page), to: html, kind: .html, force: force)
    Console.err(WalkPage.wroteMessage(html))
  }

  /// Checks every file, then exits with the worst status.
  func run() throws -> Int32 {
    if classOptions.isClassMode { return try runClass() }
    let files = try expanded()
    try checkPage(for: files)
    var output = Output()
    var status: Int32 = 0
    var documents: [JSON] = []
    for file in files {
      do {
        let walkthrough = try ExampleLoader.walk(file, command: "check", rounding: rounding)
        if walkthrough.summary.differ > 0 { status = max(status, 1) }
        try writePage(walkthrough, file: file)
        if json {
          documents.append(WalkJSON.render(walkthrough, name: file))
        } else {
          if !output.text.isEmpty { output.line() }
          WalkText(walkthrough: walkthrough, name: file, terminal: terminal).renderDifferences(into: &output)
        }
      } catch let failure as Failure {
        if case .usage = failure { throw failure }
        // Report it and go on: a teacher checking a folder wants every other file checked.
        output.write()
        output = Output()
        Console.err((failure.message + "\n"))
        status = max(status, failure.status)
        if json { documents.append(.object([("file", .string(file)), ("error", .string(failure.detail))])) }
      }
    }
    if json {
      output.line((files.count == 1 && documents.count == 1 ? documents[0] : JSON.array(documents)).rendered())
    }
    output.write()
    return status
  }
}
