"""Voice gathered face to face: events, quick capture, the event QR form and attendance."""
