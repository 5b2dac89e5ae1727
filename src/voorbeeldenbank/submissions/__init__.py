"""Public submissions ("Wie durft?") and the editorial workflow around them."""
