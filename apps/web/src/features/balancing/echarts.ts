import { BarChart } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

// Only what the wait chart draws. SVG keeps its labels in the DOM, sharp and readable by tests.
use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer])
