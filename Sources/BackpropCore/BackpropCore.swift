/// BackpropCore: the tutor's mathematics above the engine.
///
/// It reads example files (`ExampleFile/`: lexer, parsers, the example, its forward
/// formulas and document expressions, locations and errors), compiles them into a
/// network and passes them through the one validation gate (`Model/`:
/// ``ValidatedExample``), computes with them (`Evaluation/`: passes in any state,
/// training, nudges, the loss surface, symbolic derivatives), judges printed numbers
/// (`Checking/`: printed numbers, verdicts, causes, hand rounding), builds the walk's
/// steps once and places the document's values on them (`Walkthrough/`), and serves
/// teaching (`Teaching/`: quiz, worksheets, topics). It never prints: turning results
/// into text is the presentation module's work.
@_exported import BackpropEngine
