import BackpropCore
import BackpropPresentation
import Foundation

/// `backprop-tutor quiz NAME|PATH`: the student works out each value; the tutor judges it.
///
/// Reads answers line by line from stdin, so it works in a terminal and with answers
/// piped in; the end of input ends the quiz with the score so far. Input that is not
/// typed answers (a NUL byte, a line with no end, ``maximumIdle`` answers in a row that
/// are not numbers) ends it too, with the score and one line on stderr (exit 65).
/// With `--json` the dialogue goes to stderr and stdout gets only the score's record.
struct QuizCommand: Command {
  static let configuration = CommandConfiguration(
    name: "quiz",
    abstract: "Work out each value yourself; the tutor judges it.",
    overview:
      "Work out an example's values yourself, one at a time, in the order a lecture derives them; each answer is judged "
      + "at the precision you type it (0.5933 is right when the exact value rounds to it), given at least 3 significant "
      + "digits, or as many as the example's document printed for the value.",
    discussion: [
      "A wrong answer gets a hint that narrows: the formula, then the formula with the numbers, then the answer. An answer "
        + "that is right given your own earlier wrong answer is recognised as a carried error. At the prompt: a number, "
        + "'f' for the formula, 'h' for a hint, 's' to skip, 'q' to quit. Answers can be piped in; the end of input ends "
        + "the quiz with the score so far. An answer is at most 4096 bytes; a NUL byte, a line with no end, or 100 "
        + "answers in a row that are not numbers stop the quiz with the score so far and exit status 65. With --json, "
        + "the questions and feedback go to stderr and stdout gets the score as one JSON record: example, questions, "
        + "right, rightAfterHints, carried, missed, unanswered, and answers (per question: quantity, exact value, "
        + "the last answer typed, verdict)."
    ],
    arguments: [ArgumentDeclaration(name: "example", help: "A built-in example's name or an example file.")],
    options: [
      .option("part", value: "part", help: "forward, loss, backward, update, after or all.", default: "all"),
      SharedOptions.json(help: "Print the score as a JSON record on stdout; the dialogue goes to stderr."),
      SharedOptions.ascii(),
    ],
    examples: [
      "backprop-tutor quiz single-neuron --part backward", "backprop-tutor quiz simple-chain --json < answers.txt",
      "printf '4\\n2\\n' | backprop-tutor quiz simple-chain",
    ])

  /// How many answers in a row may be something other than a number, a hint or a skip
  /// (blank, unreadable, too long, the formula again) before the input counts as endless.
  static let maximumIdle = 100

  var target: String
  var part: Quiz.Part
  var terminal: Terminal
  var json: Bool

  init(_ parsed: ParsedArguments) throws {
    target = parsed.positionals[0]
    let partName = parsed.text("part")!
    guard let part = Quiz.Part(rawValue: partName) else {
      throw Failure.usage(
        "'--part' is one of \(Quiz.Part.allCases.map(\.rawValue).joined(separator: ", ")), not '\(partName)'", command: "quiz")
    }
    self.part = part
    terminal = parsed.shared.terminal
    json = parsed.shared.json
  }

  private func say(_ text: String) {
    if json { Console.err(text + "\n") } else { Console.out(text + "\n") }
  }

  private func prompt() {
    if json { Console.err("> ") } else { Console.out("> ") }
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
    var score = QuizScore(
      example: target,
      entries: quiz.questions.map {
        QuizScore.Entry(quantity: Notation.ascii.render($0.line.quantity), value: $0.line.value, answer: nil, verdict: .unanswered)
      })
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
          score.entries[number].verdict = .missed
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
            score.entries[number].verdict = .missed
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
        score.entries[number].answer = printed.text
        let judgement = quiz.judge(printed, to: question, earlier: answers)
        switch judgement {
        case .right:
          answers[question.row] = printed
          say(
            "  " + terminal.green("\(terminal.agreeMark) right") + (printed.text == text.value ? "" : " (\(text.quantity) = \(text.value))")
          )
          score.entries[number].verdict = hints > 0 || wrong > 0 ? .rightAfterHints : .right
          continue questions
        case .carried(let origin):
          answers[question.row] = printed
          let name = n.render(.name(origin))
          say(
            "  " + terminal.green("right given your \(name)")
              + ": a carried error, not a new one. The exact \(text.quantity) is \(text.value).")
          score.entries[number].verdict = .carried
          continue questions
        case .wrong, .tooFewDigits:
          var verdict = terminal.red("\(terminal.differMark) not \(Failure.quoted(printed.text)).")
          if case .tooFewDigits(let required) = judgement {
            // Too rough to count, and too rough to carry into later answers.
            verdict =
              terminal.red("\(terminal.differMark) \(Failure.quoted(printed.text)) is too rough:")
              + " give at least \(required) significant \(required == 1 ? "digit" : "digits")."
          } else {
            // Kept: a later answer that follows from this one is a carried error, not a new one.
            answers[question.row] = printed
          }
          wrong += 1
          if wrong >= 3 {
            say("  " + verdict + " The answer: \(text.quantity) = \(text.value).")
            score.entries[number].verdict = .missed
            continue questions
          }
          hints = max(hints, wrong)
          // A named mistake is the best hint: what the student's number is, and the rule.
          if case .wrong = judgement, let mistake = quiz.mistakes(for: printed, to: question, earlier: answers).first {
            let said = terminal.ascii ? ASCIIText.transliterate(mistake.text) : mistake.text
            say("  " + verdict + " " + Escaping.terminal(said) + " Try again.")
            continue
          }
          say("  " + verdict + " " + hint(hints, text) + " Try again.")
        }
      }
    }
    say("")
    say(summary(score, names: quiz.questions.map { $0.line.text(in: n).quantity }))
    if json { Console.out(QuizJSON.render(score).rendered() + "\n") }
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

  /// "Score: 12 of 15 right (2 after a hint or a retry); 1 right given your earlier answers (ŷ).", then what was missed.
  private func summary(_ score: QuizScore, names quantities: [String]) -> String {
    let afterHelp = score.count(.rightAfterHints)
    let carried = score.entries.indices.filter { score.entries[$0].verdict == .carried }
    let missed = score.entries.indices.filter { score.entries[$0].verdict == .missed }
    let names = { (indices: [Int]) in indices.map { quantities[$0] }.joined(separator: ", ") }
    var text = terminal.bold("Score: \(score.count(.right) + afterHelp) of \(score.entries.count) right")
    if afterHelp > 0 { text += " (\(afterHelp) after a hint or a retry)" }
    if !carried.isEmpty { text += "; \(carried.count) right given your earlier answers (\(names(carried)))" }
    text += "."
    if !missed.isEmpty { text += "\nMissed: " + names(missed) + "." }
    return text
  }
}
