{{/* The services: the five of a chat turn in the order its data flows, then analytics, which reads their events. */}}
{{- define "confab.services" -}}
gateway nlu dialog generation retrieval analytics
{{- end -}}

{{- define "confab.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "confab.selectorLabels" -}}
app.kubernetes.io/name: confab
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "confab.labels" -}}
{{ include "confab.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "confab.image" -}}
{{- $own := (index .root.Values .service).image | default dict -}}
{{- $repository := $own.repository | default (printf "%s/%s-service" .root.Values.image.registry .service) -}}
{{- if $own.digest -}}
{{- printf "%s@%s" $repository $own.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository ($own.tag | default .root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/* A PostgreSQL database's connection settings, for the services that own one. */}}
{{- define "confab.datasource" -}}
{{- $pg := .root.Values.postgresql -}}
{{- $db := index $pg.databases .service -}}
quarkus.datasource.reactive.url=postgresql://{{ $pg.host }}:{{ $pg.port }}/{{ $db }}
quarkus.datasource.jdbc.url=jdbc:postgresql://{{ $pg.host }}:{{ $pg.port }}/{{ $db }}
quarkus.datasource.username={{ $pg.username }}
{{- end -}}

{{/* Each service's application.properties: what the chart wires, then the service's own `config` overrides. */}}
{{- define "confab.config" -}}
{{- $values := index .root.Values .service -}}
kafka.bootstrap.servers={{ .root.Values.kafka.bootstrapServers }}
quarkus.http.port=8080
{{- with .root.Values.tracing.otlpEndpoint }}
quarkus.otel.sdk.disabled=false
quarkus.otel.exporter.otlp.traces.protocol=http/protobuf
quarkus.otel.exporter.otlp.traces.endpoint={{ . }}
{{- end }}
{{- range $id, $key := .root.Values.apiKeys }}
confab.auth.api-keys.{{ $id }}.tenant={{ $key.tenant }}
confab.auth.api-keys.{{ $id }}.sha256={{ $key.sha256 }}
{{- with $key.roles }}
confab.auth.api-keys.{{ $id }}.roles={{ join "," . }}
{{- end }}
{{- with $key.requestsPerSecond }}
confab.auth.api-keys.{{ $id }}.requests-per-second={{ . }}
{{- end }}
{{- with $key.burst }}
confab.auth.api-keys.{{ $id }}.burst={{ . }}
{{- end }}
{{- end }}
{{- if eq .service "gateway" }}
{{- with $values.anonymousTenant }}
confab.auth.anonymous-tenant={{ . }}
{{- end }}
{{- with $values.corsOrigins }}
quarkus.http.cors.origins={{ . }}
{{- end }}
{{- end }}
{{- if eq .service "dialog" }}
{{ include "confab.datasource" . }}
{{- with $values.publicUrl }}
dialog.public-url={{ . }}
{{- end }}
{{- range $tenant, $actions := $values.actionTenants }}
dialog.action-hosts.{{ $tenant }}={{ join "," $actions.hosts }}
{{- end }}
{{- end }}
{{- if eq .service "generation" }}
quarkus.langchain4j.ollama.base-url=http://localhost:11434
generation.sidecar.model={{ $values.sidecar.model }}
generation.sidecar.parallelism={{ $values.sidecar.parallelism }}
generation.sidecar.queue={{ $values.sidecar.queue }}
{{- end }}
{{- if eq .service "nlu" }}
# Trained models outlive a container restart (the pod's emptyDir): an unchanged assistant is loaded, not retrained.
nlu.model-store=/tmp/nlu-models
{{- end }}
{{- if eq .service "retrieval" }}
{{ include "confab.datasource" . }}
retrieval.data-dir=/var/lib/confab/retrieval
{{- with .root.Values.qdrant.url }}
retrieval.qdrant.url={{ . }}
{{- end }}
{{- end }}
{{- range $key, $value := $values.config }}
{{ $key }}={{ $value }}
{{- end }}
{{- end -}}

{{/* One KafkaTopic for Strimzi's Topic Operator: named after the topic (dots are not allowed in a name). */}}
{{- define "confab.kafkaTopic" -}}
{{- $topics := .root.Values.kafka.topics -}}
---
apiVersion: {{ $topics.strimzi.apiVersion }}
kind: KafkaTopic
metadata:
  name: {{ printf "%s-%s" .root.Release.Name (.topic | replace "." "-") | trunc 63 | trimSuffix "-" }}
  labels:
    strimzi.io/cluster: {{ $topics.strimzi.cluster }}
    {{- include "confab.labels" (dict "root" .root "service" "topics") | nindent 4 }}
  annotations:
    # Deleting a KafkaTopic deletes its topic and every record in it: an uninstall leaves them.
    helm.sh/resource-policy: keep
spec:
  topicName: {{ .topic }}
  partitions: {{ .partitions }}
  {{- with $topics.replicationFactor }}
  replicas: {{ . }}
  {{- end }}
  config:
    {{- range $key, $value := .config }}
    {{ $key }}: {{ $value }}
    {{- end }}
{{- end -}}
