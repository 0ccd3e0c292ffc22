import Foundation
import Testing

/// `check --key`, `check --summary` and `new --from`, end to end, on a class of 30
/// submissions made from a key with known plantings, a broken file and variants. Every
/// count the summary must show is worked out here from what was planted.
@Suite struct AnswerKeyCommandTests {
  /// The givens of one sigmoid neuron, in the key's order.
  struct Givens {
    var x1 = 0.5, x2 = 0.8, y = 1.0, w1 = 0.4, w2 = -0.6, b = 0.1, rate = 0.5

    /// z = x1·w1 + x2·w2 + b, ŷ = σ(z), L = ½(y − ŷ)², ∂L/∂ŷ = ŷ − y, ∂ŷ/∂z = ŷ(1 − ŷ),
    /// ∂L/∂z = ∂L/∂ŷ · ∂ŷ/∂z, ∂L/∂w1 = ∂L/∂z · x1, w1′ = w1 − rate · ∂L/∂w1; `slip` is
    /// added to ∂L/∂z, and what follows is computed from it as a student would.
    func values(slip: Double = 0) -> [Double] {
      let z = x1 * w1 + x2 * w2 + b
      let yhat = 1 / (1 + exp(-z))
      let loss = 0.5 * (y - yhat) * (y - yhat)
      let dLdyhat = yhat - y
      let dyhatdz = yhat * (1 - yhat)
      let dLdz = dLdyhat * dyhatdz + slip
      let dLdw1 = dLdz * x1
      return [z, yhat, loss, dLdyhat, dyhatdz, dLdz, dLdw1, w1 - rate * dLdw1]
    }

    var network: String {
      """
      title: One sigmoid neuron
      input  x1 = \(x1)
      input  x2 = \(x2)
      target y = \(y)
      param  w1 = \(w1)
      param  w2 = \(w2)
      const  b = \(b)
      rate   LR = \(rate)
      z = x1*w1 + x2*w2 + b
      yhat = sigmoid(z)
      L = 1/2 * (y - yhat)^2
      loss L

      """
    }
  }

  static let names = ["z", "yhat", "L", "dL/dyhat", "dyhat/dz", "dL/dz", "dL/dw1", "w1'"]

  static func docLines(_ values: [Double], count: Int = 8) -> String {
    zip(names, values).prefix(count).map { "doc \($0) = \(String(format: "%.6f", $1))\n" }.joined()
  }

  /// The key: the network and every value, to 6 decimals.
  static let key = Givens().network + docLines(Givens().values())
  /// The line of `w1` in a file made from the key's network.
  static let w1Line = 5

  /// What was planted in a student's file.
  enum Planting: CaseIterable {
    /// Everything right.
    case correct
    /// ∂L/∂z off by 0.0312: a slip there, then ∂L/∂w1 and w1′ carried.
    case slip
    /// w1 copied as 0.45 and everything worked with it: z slips (the key's w1 gives
    /// another z), z ... ∂L/∂w1 carried, and w1′ = 0.45 − ... a slip again.
    case wrongGiven
    /// Only `doc` lines, all right, the last two left out.
    case docOnly
    /// The worksheet of variant N, filled in right.
    case variant
  }

  /// Right, slips, carried, blank and differences from the key for each planting.
  static let expected: [Planting: [Int]] = [
    .correct: [8, 0, 0, 0, 0], .slip: [5, 1, 2, 0, 0], .wrongGiven: [0, 2, 6, 0, 1], .docOnly: [6, 0, 0, 2, 0],
    .variant: [8, 0, 0, 0, 0],
  ]

  /// The class: 30 files, student i planted with `Planting.allCases[i % 5]`, and a broken file.
  func makeClass() throws -> (folder: URL, plantings: [String: Planting]) {
    let folder = try Tool.temporaryDirectory()
    try Self.key.write(to: folder.appendingPathComponent("key.txt"), atomically: true, encoding: .utf8)
    let submissions = folder.appendingPathComponent("submissions")
    try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
    var plantings: [String: Planting] = [:]
    for student in 0..<30 {
      let planting = Planting.allCases[student % 5]
      let name = String(format: "student%02d.txt", student)
      let path = submissions.appendingPathComponent(name)
      var text: String
      switch planting {
      case .correct: text = Givens().network + Self.docLines(Givens().values())
      case .slip: text = Givens().network + Self.docLines(Givens().values(slip: 0.0312))
      case .wrongGiven:
        var copied = Givens()
        copied.w1 = 0.45
        text = copied.network + Self.docLines(copied.values())
      case .docOnly: text = "# only my numbers\n" + Self.docLines(Givens().values(), count: 6)
      case .variant:
        let made = try Tool.run([
          "new", "--from", folder.appendingPathComponent("key.txt").path, "--variant", "\(student)", "--output", path.path,
        ])
        #expect(made.status == 0)
        text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.hasPrefix("# variant: \(student)\n"))
        let drawn = Self.givens(in: text)
        let values = drawn.values()
        for (name, value) in zip(Self.names, values) {
          text = text.replacingOccurrences(of: "doc \(name) =\n", with: "doc \(name) = \(String(format: "%.6f", value))\n")
        }
      }
      try text.write(to: path, atomically: true, encoding: .utf8)
      plantings[path.path] = planting
    }
    try "input x = 1\nz = x *\nloss z\n".write(to: submissions.appendingPathComponent("broken.txt"), atomically: true, encoding: .utf8)
    return (folder, plantings)
  }

  /// What check says on stderr of the class's broken file (`z = x *`: the formula stops
  /// after the `*` at column 7, and column 8 is the end of line 2).
  static func brokenMessage(_ submissions: String) -> String {
    "Error: \(submissions)/broken.txt:2:8: expected a number, a name or '(', found the end of the line\n"
  }

  /// The givens a worksheet declares.
  static func givens(in text: String) -> Givens {
    var givens = Givens()
    for line in text.split(separator: "\n") {
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      guard words.count == 4, words[2] == "=", let value = Double(words[3]) else { continue }
      switch words[1] {
      case "x1": givens.x1 = value
      case "x2": givens.x2 = value
      case "y": givens.y = value
      case "w1": givens.w1 = value
      case "w2": givens.w2 = value
      case "b": givens.b = value
      case "LR": givens.rate = value
      default: break
      }
    }
    return givens
  }

  @Test func theClassSummaryCountsWhatWasPlanted() throws {
    let (folder, plantings) = try makeClass()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    let submissions = folder.appendingPathComponent("submissions").path
    let result = try Tool.run(["check", "--key", key, submissions, "--summary", "--json"])
    // The broken file makes it 65; it is a row, and the usual message on stderr.
    #expect(result.status == 65)
    #expect(result.stderr == Self.brokenMessage(submissions))
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let students = document["students"] as! [[String: Any]]
    #expect(students.count == 31)
    for student in students {
      let file = student["file"] as! String
      guard let planting = plantings[file] else {
        #expect(file.hasSuffix("broken.txt"))
        #expect(
          (student["error"] as? String)?.hasSuffix("broken.txt:2:8: expected a number, a name or '(', found the end of the line") == true)
        continue
      }
      let counts = ["right", "slips", "carried", "blank", "differsFromKey"].map { student[$0] as? Int }
      #expect(counts == Self.expected[planting]!.map { $0 }, "\(file) (\(planting))")
      let first = student["firstMistake"] as? [String: Any]
      switch planting {
      case .wrongGiven:
        #expect(first?["line"] as? Int == Self.w1Line)
        #expect(first?["what"] as? String == "w1 = 0.45, the key has 0.4")
      case .slip: #expect(first?["what"] as? String == "dL/dz")
      default: #expect(first == nil)
      }
      #expect((student["variant"] as? Int) == (planting == .variant ? Int(file.suffix(6).prefix(2))! : nil))
    }
    // Per line, from the plantings (6 students each): right, slipped, otherwise wrong, blank.
    let expectedLines: [[Int]] = [
      [24, 6, 0, 0], [24, 0, 6, 0], [24, 0, 6, 0], [24, 0, 6, 0], [24, 0, 6, 0], [18, 6, 6, 0], [12, 0, 12, 6], [12, 6, 6, 6],
    ]
    let lines = document["lines"] as! [[String: Any]]
    #expect(lines.map { $0["value"] as! String } == Self.names)
    #expect(lines.map { $0["line"] as! Int } == Array(13...20))
    #expect(lines.map { line in ["right", "slipped", "otherwiseWrong", "blank"].map { line[$0] as! Int } } == expectedLines)
  }

  @Test func theSummaryAsCSVAndAsText() throws {
    let (folder, plantings) = try makeClass()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    let submissions = folder.appendingPathComponent("submissions").path
    let csv = try Tool.run(["check", "--key", key, submissions, "--summary", "--format", "csv"])
    #expect(csv.status == 65)
    #expect(csv.stderr == Self.brokenMessage(submissions))
    // RFC 4180: every line ends in CRLF; two tables separated by an empty line.
    #expect(csv.stdout.hasSuffix("\r\n"))
    #expect(!csv.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let tables = csv.stdout.components(separatedBy: "\r\n\r\n")
    #expect(tables.count == 2)
    let studentRows = tables[0].components(separatedBy: "\r\n")
    #expect(studentRows[0].hasPrefix("file,variant,right,slips,carried,rounding,blank,extra,differs from key,"))
    #expect(studentRows.count == 32)
    for row in studentRows.dropFirst() {
      let cells = row.components(separatedBy: ",")
      guard let planting = plantings[cells[0]] else {
        #expect(cells[0].hasSuffix("broken.txt"))
        #expect(row.hasSuffix("found the end of the line\""))
        continue
      }
      let expected = Self.expected[planting]!
      #expect([cells[2], cells[3], cells[4], cells[6], cells[8]] == expected.map(String.init), "\(row)")
    }
    let lineRows = tables[1].components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lineRows[0] == "line,value,right,slipped,otherwise wrong,blank,most common mistake,students")
    #expect(lineRows[6].hasPrefix("18,dL/dz,18,6,6,0,"))
    #expect(lineRows[8].hasPrefix("20,w1',12,6,6,6,"))

    let text = try Tool.run(["check", "--key", key, submissions, "--summary"])
    #expect(text.status == 65)
    #expect(text.stdout.hasPrefix("Students: 31 files, 30 judged, 1 not\n"))
    #expect(text.stdout.contains("broken.txt"))
    #expect(text.stdout.contains("error: "))
    #expect(text.stderr == Self.brokenMessage(submissions))
  }

  @Test func eachFileAgainstTheKeyWithDifferencesFirst() throws {
    let (folder, plantings) = try makeClass()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    let wrong = plantings.first { $0.value == .wrongGiven }!.key
    let result = try Tool.run(["check", "--key", key, wrong])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("\(wrong):\(Self.w1Line): w1 = 0.45, the key has 0.4\n\(wrong): One sigmoid neuron\n"))
    #expect(result.stdout.hasSuffix("Key: 1 line differs from the key (listed first); every value is judged with the key's network.\n"))
    // Checked on its own, the same file agrees with itself: the key is what catches it.
    #expect(try Tool.run(["check", wrong]).status == 0)
    let right = plantings.filter { $0.value == .correct || $0.value == .variant || $0.value == .docOnly }.map(\.key).sorted()
    let clean = try Tool.run(["check", "--key", key] + right)
    #expect(clean.status == 0)
    #expect(clean.stderr.isEmpty)
    let slipped = plantings.first { $0.value == .slip }!.key
    let json = try Tool.run(["check", "--key", key, slipped, folder.appendingPathComponent("submissions/broken.txt").path, "--json"])
    #expect(json.status == 65)
    let records = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
    #expect(records.count == 2)
    #expect((records[0]["keyDifferences"] as? [Any])?.isEmpty == true)
    #expect(records[1]["file"] as? String == folder.appendingPathComponent("submissions/broken.txt").path)
    #expect(records[1]["error"] != nil)
  }

  @Test func theSameVariantEveryTimeAndGivensWithinHalfTheKeys() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt")
    try Self.key.write(to: key, atomically: true, encoding: .utf8)
    let first = try Tool.run(["new", "--from", key.path, "--variant", "17"])
    let second = try Tool.run(["new", "--from", key.path, "--variant", "17"])
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
    #expect(first.stdout != (try Tool.run(["new", "--from", key.path, "--variant", "18"])).stdout)
    let drawn = Self.givens(in: first.stdout)
    let base = Givens()
    for (value, keyValue) in [(drawn.x1, base.x1), (drawn.x2, base.x2), (drawn.w1, base.w1), (drawn.w2, base.w2), (drawn.b, base.b)] {
      #expect(abs(value - keyValue) <= abs(keyValue) / 2 + 1e-12)
      #expect(abs(value * 100 - (value * 100).rounded()) < 1e-9)
    }
    #expect(drawn.y == base.y && drawn.rate == base.rate)
    // Every value blank; a kept one filled in with the variant's own number.
    #expect(first.stdout.contains("\ndoc dL/dz =\n"))
    let kept = try Tool.run(["new", "--from", key.path, "--variant", "17", "--keep", "z, yhat"])
    let z = drawn.values()[0]
    #expect(kept.stdout.contains("\ndoc z = \(String(format: "%.6f", z))\n"))
    // Without a variant: the key's own numbers, as it prints them.
    let plain = try Tool.run(["new", "--from", key.path, "--keep", "yhat"])
    #expect(plain.stdout.contains("\ndoc yhat = \(String(format: "%.6f", base.values()[1]))\n"))
    #expect(!plain.stdout.contains("variant"))
  }

  /// The handwritten notes print i1 = 0.5 (for 0.05) and net_h1 = 0.44 (for 0.3775): kept,
  /// they are the right values, and a worksheet straight from `new` checks clean.
  @Test func keptValuesAreRightSoAFreshWorksheetChecksClean() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sheet = folder.appendingPathComponent("k.txt").path
    #expect(try Tool.run(["new", "--from", "handwritten-222", "--keep", "i1,net_h1", "--output", sheet]).status == 0)
    let text = try String(contentsOfFile: sheet, encoding: .utf8)
    #expect(text.contains("\ndoc i1 = 0.05\n"))
    // 0.05 · 0.15 + 0.1 · 0.2 + 0.35 = 0.3775, to 3 significant digits.
    #expect(text.contains("\ndoc net_h1 = 0.378\n") || text.contains("\ndoc net_h1 = 0.377\n"))
    let checked = try Tool.run(["check", "--key", "handwritten-222", sheet])
    #expect(checked.status == 0, "\(checked.stdout)")
    // A variant's given, kept, is written exactly as the variant declares it.
    let variant = try Tool.run(["new", "--from", "handwritten-222", "--keep", "i1", "--variant", "3"])
    let declared = variant.stdout.split(separator: "\n").first { $0.hasPrefix("input") && $0.contains(" i1 ") }
    let given = declared.map { $0.split(separator: "=").last!.trimmingCharacters(in: .whitespaces) }
    #expect(given != nil && variant.stdout.contains("\ndoc i1 = \(given ?? "")\n"))
  }

  /// A key's title with ESC (a colour change) and U+202E (which reverses what follows), and
  /// a source with BEL: the worksheet, on stdout or in a file, holds none of them raw, but
  /// their code points, and still checks against the key.
  @Test func controlCharactersOfTheKeysTitleDoNotReachTheTerminal() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    let text = "title: Red \u{1B}[31mALERT \u{202E} evil\nsource: x\u{07}y\ninput x = 2\nparam w = 3\ny = x * w\nloss y\ndoc y = 6\n"
    try text.write(toFile: key, atomically: true, encoding: .utf8)
    let printed = try Tool.run(["new", "--from", key, "--keep", "y"])
    #expect(printed.status == 0)
    let sheet = folder.appendingPathComponent("sheet.txt").path
    #expect(try Tool.run(["new", "--from", key, "--output", sheet]).status == 0)
    let written = try String(contentsOfFile: sheet, encoding: .utf8)
    for worksheet in [printed.stdout, written] {
      #expect(!worksheet.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
      #expect(worksheet.contains("\ntitle: Red U+001B[31mALERT U+202E evil\nsource: xU+0007y\n"))
    }
    let checked = try Tool.run(["check", "--key", key, sheet])
    #expect(checked.status == 0, "\(checked.stdout)")
  }

  /// The command after writing, with names a shell would split or end quoted, on a line of
  /// its own to paste; a plain name as before.
  @Test func theHintQuotesNamesForTheShell() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("my key's.txt").path
    try Self.key.write(toFile: key, atomically: true, encoding: .utf8)
    let sheet = folder.appendingPathComponent("sheet 1.txt").path
    let result = try Tool.run(["new", "--from", key, "--output", sheet])
    #expect(result.status == 0)
    let quotedKey = "'" + folder.path + "/my key'\\''s.txt'"
    #expect(result.stderr == "Wrote \(sheet): hand it out, then check it with:\n  backprop-tutor check --key \(quotedKey) '\(sheet)'\n")
    let plain = folder.appendingPathComponent("plain.txt").path
    let own = try Tool.run(["new", "--output", folder.appendingPathComponent("h w.txt").path])
    #expect(own.stderr.hasSuffix("then run:\n  backprop-tutor check '\(folder.path)/h w.txt'\n"))
    let simple = try Tool.run(["new", "--from", "handwritten-222", "--output", plain])
    #expect(simple.stderr == "Wrote \(plain): hand it out, then check it with 'backprop-tutor check --key handwritten-222 \(plain)'.\n")
  }

  /// A key with no `doc` lines gives a worksheet with nothing to fill in: said on stderr,
  /// and still written.
  @Test func aKeyWithoutDocLinesIsWarnedOf() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    try "input x = 2\nparam w = 3\ny = x * w\nloss y\n".write(toFile: key, atomically: true, encoding: .utf8)
    let warning = "Warning: the key has no doc lines: the worksheet has nothing to fill in\n"
    let printed = try Tool.run(["new", "--from", key])
    #expect(printed.status == 0)
    #expect(printed.stderr == warning)
    #expect(printed.stdout.contains("\ny = x * w\n"))
    let sheet = folder.appendingPathComponent("sheet.txt").path
    let written = try Tool.run(["new", "--from", key, "--output", sheet])
    #expect(written.status == 0)
    #expect(written.stderr.hasPrefix(warning + "Wrote \(sheet): "))
    #expect(FileManager.default.fileExists(atPath: sheet))
  }

  /// `check --key KEY FILE --html PAGE`: the student's page shows the key's givens, not the copied ones.
  @Test func aStudentsPageIsJudgedByTheKey() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    try "input x = 2\nparam w = 3\ny = x * w\nloss y\ndoc y = 6\n".write(toFile: key, atomically: true, encoding: .utf8)
    let student = folder.appendingPathComponent("student.txt").path
    try "input x = 2\nparam w = 4\ny = x * w\nloss y\ndoc y = 6\n".write(toFile: student, atomically: true, encoding: .utf8)
    let page = folder.appendingPathComponent("page.html").path
    let result = try Tool.run(["check", "--key", key, student, "--html", page])
    #expect(result.status == 1)
    #expect(result.stderr == "Wrote \(page): open it in a web browser (xdg-open \(page)).\n")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    // 2 · 3 = 6 with the key's w; the student's own w = 4 would give 8.
    #expect(html.contains("<strong class=\"value\">6</strong>"))
    #expect(!html.contains("<strong class=\"value\">8</strong>"))
  }

  @Test func usageErrors() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    try Self.key.write(toFile: key, atomically: true, encoding: .utf8)
    for arguments in [
      ["check", key, "--format", "csv"], ["check", key, "--svg", folder.appendingPathComponent("c.svg").path],
      ["check", key, "--summary", "--format", "xml"], ["check", key, "--summary", "--format", "csv", "--json"],
      ["new", "--from", key, "--layers", "2-1"], ["new", "--from", key, "--keep", "q"], ["new", "--variant", "3"],
      ["new", "--keep", "z"], ["check", "--key", "no-such-example", key],
      ["check", "--key", key, key, "--summary", "--html", folder.appendingPathComponent("p.html").path],
      ["check", "--key", key, key, key, "--html", folder.appendingPathComponent("p.html").path],
      ["check", "--key", key, "--key", key, key],
    ] {
      let result = try Tool.run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stderr.hasPrefix("Error: "), "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
    }
    #expect(try Tool.run(["check", "--key", folder.appendingPathComponent("none.txt").path, key]).status == 66)
  }

  /// ∂L/∂ŷ written y − ŷ instead of ŷ − y by three students: the named mistake of that line,
  /// and of each of them; ∂ŷ/∂z stays right, and ∂L/∂z onwards are carried.
  @Test func theMostCommonNamedMistakeOfALine() throws {
    let folder = try Tool.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let key = folder.appendingPathComponent("key.txt").path
    try Self.key.write(toFile: key, atomically: true, encoding: .utf8)
    var files: [String] = []
    for student in 0..<4 {
      var values = Givens().values()
      if student < 3 {
        values[3] = -values[3]
        values[5] = values[3] * values[4]
        values[6] = values[5] * Givens().x1
        values[7] = Givens().w1 - Givens().rate * values[6]
      }
      let path = folder.appendingPathComponent("s\(student).txt").path
      try Self.docLines(values).write(toFile: path, atomically: true, encoding: .utf8)
      files.append(path)
    }
    let result = try Tool.run(["check", "--key", key, "--summary", "--json"] + files)
    #expect(result.status == 1)
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let lines = document["lines"] as! [[String: Any]]
    #expect(lines[3]["value"] as? String == "dL/dyhat")
    #expect(lines[3]["slipped"] as? Int == 3)
    #expect(lines[3]["mostCommonMistake"] as? String == "target-minus-output")
    #expect(lines[3]["mostCommonMistakeStudents"] as? Int == 3)
    #expect(lines[4]["right"] as? Int == 4)
    #expect(lines[5]["otherwiseWrong"] as? Int == 3)
    let students = document["students"] as! [[String: Any]]
    #expect(students.prefix(3).allSatisfy { ($0["namedMistakes"] as? [String])?.contains("target-minus-output") == true })
    #expect(students[3]["right"] as? Int == 8)
  }

  /// Without a key, each file is judged by its own network: a copied given goes unseen.
  @Test func aSummaryWithoutAKey() throws {
    let (folder, plantings) = try makeClass()
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = plantings.filter { $0.value == .correct || $0.value == .wrongGiven }.map(\.key).sorted()
    let result = try Tool.run(["check", "--summary", "--json"] + files)
    #expect(result.status == 0)
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let students = document["students"] as! [[String: Any]]
    #expect(students.count == 12)
    #expect(students.allSatisfy { $0["right"] as? Int == 8 })
  }

  @Test func theChartOfWhereTheClassWentWrong() throws {
    let (folder, _) = try makeClass()
    defer { try? FileManager.default.removeItem(at: folder) }
    let chart = folder.appendingPathComponent("class.svg").path
    let result = try Tool.run([
      "check", "--key", folder.appendingPathComponent("key.txt").path, folder.appendingPathComponent("submissions").path, "--summary",
      "--svg", chart,
    ])
    #expect(result.status == 65)
    #expect(
      result.stderr.hasSuffix(
        "Wrote \(chart): open it in a web browser, or convert it with 'rsvg-convert -w 1280 \(chart) -o class.png'.\n"))
    let svg = try String(contentsOfFile: chart, encoding: .utf8)
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Written by backprop-tutor. -->"))
    #expect(svg.contains("Where the class went wrong"))
    #expect(svg.contains("30 students judged; 1 file could not be read or checked"))
    // A file the tool did not write is not replaced without --force.
    let other = folder.appendingPathComponent("logo.svg").path
    try "<svg/>".write(toFile: other, atomically: true, encoding: .utf8)
    let refused = try Tool.run([
      "check", "--key", folder.appendingPathComponent("key.txt").path, folder.appendingPathComponent("key.txt").path, "--summary", "--svg",
      other,
    ])
    #expect(refused.status == 73)
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert") else {
      FileHandle.standardError.write(Data("SKIPPED: rsvg-convert is missing; the class chart was not rendered\n".utf8))
      return
    }
    let png = folder.appendingPathComponent("class.png").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
    process.arguments = ["-w", "1280", chart, "-o", png]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(FileManager.default.fileExists(atPath: png))
  }
}
