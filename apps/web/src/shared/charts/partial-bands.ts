/**
 * A bar series' grey bands over the categories that hold only part of their period (today, or a
 * bucket cut by the range), each labelled `name`: their figures rest on fewer cases.
 */
export function partialBands(
  categories: readonly string[],
  partial: readonly boolean[],
  name: string,
) {
  return {
    silent: true,
    itemStyle: { color: 'rgba(144, 147, 153, 0.12)' },
    label: { position: 'insideTop', color: '#909399', fontSize: 11 },
    data: categories
      .filter((_, index) => partial[index])
      .map((category) => [{ xAxis: category, name }, { xAxis: category }]),
  }
}
