import { z } from 'zod'

export const MetricsTextSchema = z.string().meta({
  id: 'MetricsText',
  description: 'Prometheus text exposition format 0.0.4.',
  example: '# HELP http_requests_total HTTP requests answered, by method, route pattern and status class.\n# TYPE http_requests_total counter\nhttp_requests_total{method="GET",route="/v1/articles",status_class="2xx"} 1024\n'
})
