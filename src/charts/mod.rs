//! Charts, each a function generic over plotters' `DrawingBackend`.
