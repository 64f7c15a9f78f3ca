// Schemas of centers, counters and the working-day calendar: filled by the org feature.
export {}
