module example.test/app

go 1.21

require example.test/greet v1.0.0
