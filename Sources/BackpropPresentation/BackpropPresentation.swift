// BackpropPresentation: everything that turns the core's results into something to read
// or to draw. The walk as text (`WalkText`) and as JSON (`WalkJSON`, over the one JSON
// writer `JSON`), tables and the look of the terminal (`Terminal`, `Table`, `Output`),
// charts for the terminal and as SVG (`LineChart`, `ContourChart`), the computation graph
// as Graphviz DOT (`GraphvizExport`), and the one escaper per output language
// (`Escaping`). It computes nothing of its own and never writes to a file or a terminal:
// the command line decides where the text goes.
