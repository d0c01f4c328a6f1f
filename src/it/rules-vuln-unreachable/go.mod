module example.com/rules-vuln-unreachable

go 1.22

require golang.org/x/text v0.3.6
