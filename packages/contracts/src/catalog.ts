// Schemas of the service catalog (departments, skills, service items): filled by the catalog feature.
export {}
