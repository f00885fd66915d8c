"""The evaluation committee: appointment, nominations, impartiality, assessment, scoring and the protocol."""
