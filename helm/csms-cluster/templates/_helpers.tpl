{{/* Prefix of every object name: the release name, with "-csms" unless it already says csms. */}}
{{- define "csms-cluster.fullname" -}}
{{- if contains "csms" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-csms" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Selector labels; argument: dict "root" $ "component" "all|gateway|silo". */}}
{{- define "csms-cluster.selectorLabels" -}}
app.kubernetes.io/name: csms-cluster
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* All labels of an object; argument: dict "root" $ "component" "...". */}}
{{- define "csms-cluster.labels" -}}
{{ include "csms-cluster.selectorLabels" . }}
app.kubernetes.io/part-of: csms-cluster
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* The component the public Service and the Ingress lead to. */}}
{{- define "csms-cluster.httpComponent" -}}
{{- if eq .Values.layout "cluster" -}}gateway{{- else -}}all{{- end -}}
{{- end -}}

{{/* The storage provider in effect: the cluster layout always uses PostgreSQL. */}}
{{- define "csms-cluster.provider" -}}
{{- if eq .Values.layout "cluster" -}}postgres{{- else -}}{{ .Values.storage.provider }}{{- end -}}
{{- end -}}

{{/*
The pod template of every workload; argument: dict "root" $ "component" "all|gateway|silo" "resources" (map).
Role all keeps /data on the PVC (when enabled); gateway and silo keep nothing durable in the pod.
*/}}
{{- define "csms-cluster.podTemplate" -}}
{{- $root := .root -}}
{{- $fullname := include "csms-cluster.fullname" $root -}}
{{- $cluster := ne .component "all" -}}
metadata:
  labels:
    {{- include "csms-cluster.labels" . | nindent 4 }}
  annotations:
    checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
spec:
  serviceAccountName: {{ $fullname }}
  automountServiceAccountToken: false
  terminationGracePeriodSeconds: {{ $root.Values.drain.terminationGracePeriodSeconds }}
  securityContext:
    runAsNonRoot: true
    runAsUser: 1654
    runAsGroup: 1654
    fsGroup: 1654
    seccompProfile:
      type: RuntimeDefault
  {{- if $cluster }}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "csms-cluster.selectorLabels" . | nindent 10 }}
  {{- end }}
  containers:
    - name: csms
      image: {{ printf "%s:%s" $root.Values.image.repository $root.Values.image.tag | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: {{ $root.Values.ports.http }}
          protocol: TCP
        - name: health
          containerPort: {{ $root.Values.ports.health }}
          protocol: TCP
        {{- if $cluster }}
        - name: grain
          containerPort: {{ $root.Values.ports.internal }}
          protocol: TCP
        - name: grain-probe
          containerPort: {{ $root.Values.ports.internal }}
          protocol: UDP
        {{- end }}
      envFrom:
        - configMapRef:
            name: {{ $fullname }}-config
      env:
        - name: Csms__Role
          value: {{ .component }}
        {{- if eq .component "gateway" }}
        - name: Csms__Ocpp__ShutdownCloseSpread
          value: "00:00:04"
        {{- end }}
        {{- if eq (include "csms-cluster.provider" $root) "postgres" }}
        - name: Csms__Storage__ConnectionString
          valueFrom:
            secretKeyRef:
              name: {{ $root.Values.secrets.existingSecret }}
              key: connection-string
        {{- end }}
        - name: Csms__Api__AdminToken
          valueFrom:
            secretKeyRef:
              name: {{ $root.Values.secrets.existingSecret }}
              key: admin-token
              optional: {{ not $cluster }}
        - name: OTEL_SERVICE_NAME
          value: {{ printf "csms-%s" .component }}
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: OTEL_RESOURCE_ATTRIBUTES
          value: k8s.pod.name=$(POD_NAME),service.instance.id=$(POD_NAME)
        {{- if $cluster }}
        - name: POD_IP
          valueFrom:
            fieldRef:
              fieldPath: status.podIP
        - name: Csms__Cluster__Address
          value: $(POD_IP)
        {{- end }}
      startupProbe:
        httpGet:
          path: /healthz
          port: health
        periodSeconds: 5
        failureThreshold: 60
      readinessProbe:
        httpGet:
          path: /readyz
          port: health
        periodSeconds: 5
        timeoutSeconds: 3
        failureThreshold: 2
      livenessProbe:
        httpGet:
          path: /healthz
          port: health
        periodSeconds: 10
        timeoutSeconds: 3
        failureThreshold: 3
      lifecycle:
        preStop:
          exec:
            command: ["sleep", "{{ $root.Values.drain.preStopSeconds }}"]
      resources:
        {{- toYaml .resources | nindent 8 }}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: ["ALL"]
      volumeMounts:
        - name: data
          mountPath: /data
        - name: tmp
          mountPath: /tmp
        {{- if $cluster }}
        - name: charger-ca
          mountPath: /etc/csms/ca
          readOnly: true
        {{- end }}
  volumes:
    {{- if and (not $cluster) $root.Values.singleNode.persistence.enabled }}
    - name: data
      persistentVolumeClaim:
        claimName: {{ $fullname }}-data
    {{- else }}
    - name: data
      emptyDir:
        sizeLimit: 64Mi
    {{- end }}
    - name: tmp
      emptyDir:
        sizeLimit: 64Mi
    {{- if $cluster }}
    - name: charger-ca
      secret:
        secretName: {{ $root.Values.chargerCa.existingSecret }}
        optional: true
    {{- end }}
{{- end -}}
