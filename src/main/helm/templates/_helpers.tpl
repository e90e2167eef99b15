{{/*
Pod and container fields that the generated Deployment does not carry, appended through single-line
expressions (see quarkus.helm.expressions in application.properties). Each starts with a newline and is
indented for its place in deployment.yaml.
*/}}
{{- define "sluice.podExtras" -}}
{{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
{{- end }}
{{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
{{- end }}
{{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
{{- end }}
{{- with .Values.priorityClassName }}
      priorityClassName: {{ . | quote }}
{{- end }}
{{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
{{- end }}
{{- end }}

{{- define "sluice.extraEnv" -}}
{{- with .Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
{{- end }}
{{- end }}

{{- define "sluice.watchedNamespaces" -}}
{{- if .Values.scopedNamespaces }}{{ join "," .Values.scopedNamespaces | quote }}{{ else }}"JOSDK_ALL_NAMESPACES"{{ end }}
{{- end }}

{{- define "sluice.clusterWideSubjects" -}}
{{- if .Values.scopedNamespaces }} []
{{- else }}
  - kind: ServiceAccount
    name: sluice
    namespace: {{ .Release.Namespace }}
{{- end }}
{{- end }}
