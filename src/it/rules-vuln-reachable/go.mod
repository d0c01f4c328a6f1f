module example.com/rules-vuln-reachable

go 1.22

require golang.org/x/text v0.3.6
