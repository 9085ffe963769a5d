"""Anonymous daily counters for the steering of the CTG: nothing about a person, no IP, no cookie."""
