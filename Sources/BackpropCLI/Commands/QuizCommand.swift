import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor quiz NAME|PATH`: the student works out each value; the tutor judges it.
///
/// Reads answers line by line from stdin, so it works in a terminal and with answers
/// piped in; the end of input ends the quiz with the score so far. Input that is not
/// typed answers (a NUL byte, a line with no end, ``maximumIdle`` answers in a row that
/// are not numbers) ends it too, with the score and one line on stderr (exit 65).
struct QuizCommand: Command {
  static let configuration = CommandConfiguration(
    name: "quiz",
    abstract: "Work out each value yourself; the tutor judges it.",
    overview:
      "Work out an example's values yourself, one at a time, in the order a lecture derives them; each answer is judged "
      + "at the precision you type it (0.5933 is right when the exact value rounds to it).",
    discussion: [
      "A wrong answer gets a hint that narrows: the formula, then the formula with the numbers, then the answer. An answer "
        + "that is right given your own earlier wrong answer is recognised as a carried error. At the prompt: a number, "
        + "'f' for the formula, 'h' for a hint, 's' to skip, 'q' to quit. Answers can be piped in; the end of input ends "
        + "the quiz with the score so far. An answer is at most 4096 bytes; a NUL byte, a line with no end, or 100 "
        + "answers in a row that are not numbers stop the quiz with the score so far and exit status 65."
    ],
    arguments: [ArgumentDeclaration(name: "example", help: "A built-in example's name or an example file.")],
    options: [
      .option("part", value: "part", help: "forward, loss, backward, update, after or all.", default: "all"),
      SharedOptions.ascii(),
    ],
    examples: ["backprop-tutor quiz single-neuron --part backward", "printf '4\\n2\\n' | backprop-tutor quiz simple-chain"])

  /// How many answers in a row may be something other than a number, a hint or a skip
  /// (blank, unreadable, too long, the formula again) before the input counts as endless.
  static let maximumIdle = 100

  var target: String
  var part: Quiz.Part
  var terminal: Terminal

  init(_ parsed: ParsedArguments) throws {
    target = parsed.positionals[0]
    let partName = parsed.text("part")!
    guard let part = Quiz.Part(rawValue: partName) else {
      throw Failure.usage(
        "'--part' is one of \(Quiz.Part.allCases.map(\.rawValue).joined(separator: ", ")), not '\(partName)'", command: "quiz")
    }
    self.part = part
    terminal = parsed.shared.terminal
  }

  private func say(_ text: String) {
    Console.out((text + "\n"))
  }

  private func prompt() {
    Console.out("> ")
  }

  func run() throws -> Int32 {
    let quiz = Quiz(try ExampleLoader.walk(target, command: "quiz"), part: part)
    let example = quiz.walkthrough.example
    let n = terminal.notation
    say(terminal.bold("Quiz: \(Escaping.terminal(target)): \(Escaping.terminal(example.title ?? "untitled example"))"))
    let givens = example.leaves.map { "\(n.name($0.name)) = \(n.number($0.text))" }
    say("Given: " + givens.joined(separator: ", "))
    say("\(quiz.questions.count) questions. Type a number; 'f' for the formula, 'h' for a hint, 's' to skip, 'q' to quit.")
    var answers: [Row.ID: PrintedNumber] = [:]
    var score = Score()
    var reader = LineReader()
    var idle = 0
    var stopped: String?
    questions: for (number, question) in quiz.questions.enumerated() {
      let text = question.line.text(in: n)
      say("")
      say(terminal.bold("[\(number + 1)/\(quiz.questions.count)] \(text.quantity) = ?"))
      var hints = 0
      var wrong = 0
      while true {
        if idle >= Self.maximumIdle {
          stopped = "\(Self.maximumIdle) answers in a row were not numbers"
          break questions
        }
        prompt()
        let input: String
        switch reader.next() {
        case .text(let line): input = line
        case .tooLong(let start):
          say("  '\(start)…' is too long for an answer (at most \(LineReader.maximumLine) bytes).")
          idle += 1
          continue
        case .end:
          say("")
          say("(end of input)")
          break questions
        case .notText:
          stopped = "a NUL byte, not a line of text"
          break questions
        case .unended:
          stopped = "a line of more than \(LineReader.maximumUnended) bytes with no line break"
          break questions
        }
        let answer = input.trimmingCharacters(in: .whitespaces)
        idle += 1
        switch answer.lowercased() {
        case "q", "quit":
          break questions
        case "s", "skip":
          idle = 0
          say("  The answer: \(text.quantity) = \(text.value).")
          score.missed.append(text.quantity)
          continue questions
        case "f", "formula":
          say("  " + hint(1, text))
          hints = max(hints, 1)
          continue
        case "h", "hint", "?":
          idle = 0
          hints += 1
          if hints >= 3 {
            say("  The answer: \(text.quantity) = \(text.value).")
            score.missed.append(text.quantity)
            continue questions
          }
          say("  " + hint(hints, text))
          continue
        case "":
          say("  Type a number, or 'f', 'h', 's' or 'q'.")
          continue
        default:
          break
        }
        guard let printed = PrintedNumber(answer.replacingOccurrences(of: "−", with: "-")) else {
          say("  '\(Escaping.terminal(answer.excerpt()))' is not a number I can read (write it like 0.5933, -18 or 1.2e-05).")
          continue
        }
        idle = 0
        switch quiz.judge(printed, to: question, earlier: answers) {
        case .right:
          answers[question.row] = printed
          say(
            "  " + terminal.green("\(terminal.agreeMark) right") + (printed.text == text.value ? "" : " (\(text.quantity) = \(text.value))")
          )
          if hints > 0 || wrong > 0 { score.rightAfterHelp += 1 } else { score.right += 1 }
          continue questions
        case .carried(let origin):
          answers[question.row] = printed
          let name = n.render(.name(origin))
          say(
            "  " + terminal.green("right given your \(name)")
              + ": a carried error, not a new one. The exact \(text.quantity) is \(text.value).")
          score.carried.append(text.quantity)
          continue questions
        case .wrong:
          // Kept: a later answer that follows from this one is a carried error, not a new one.
          answers[question.row] = printed
          wrong += 1
          if wrong >= 3 {
            say(
              "  " + terminal.red("\(terminal.differMark) not \(Failure.quoted(printed.text)).")
                + " The answer: \(text.quantity) = \(text.value).")
            score.missed.append(text.quantity)
            continue questions
          }
          hints = max(hints, wrong)
          say("  " + terminal.red("\(terminal.differMark) not \(Failure.quoted(printed.text)).") + " " + hint(hints, text) + " Try again.")
        }
      }
    }
    say("")
    say(score.summary(total: quiz.questions.count, bold: terminal.bold))
    if let stopped {
      Console.err("Error: standard input: \(stopped); the quiz stops\n")
      return 65
    }
    return 0
  }

  /// Hint 1: the formula; hint 2: the formula with the numbers substituted.
  private func hint(_ level: Int, _ text: LineText) -> String {
    guard let formula = text.formula else { return "It is the value of \(text.quantity) itself." }
    if level >= 2, let arithmetic = text.arithmetic {
      return "Hint: \(text.quantity) = \(formula) = \(arithmetic)."
    }
    return "Hint: \(text.quantity) = \(formula)."
  }

  struct Score {
    var right = 0
    var rightAfterHelp = 0
    var carried: [String] = []
    var missed: [String] = []

    func summary(total: Int, bold: (String) -> String) -> String {
      var text = bold("Score: \(right + rightAfterHelp) of \(total) right")
      if rightAfterHelp > 0 { text += " (\(rightAfterHelp) after a hint or a retry)" }
      if !carried.isEmpty { text += "; \(carried.count) right given your earlier answers (\(carried.joined(separator: ", ")))" }
      text += "."
      if !missed.isEmpty { text += "\nMissed: " + missed.joined(separator: ", ") + "." }
      return text
    }
  }
}
